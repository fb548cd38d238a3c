package org.contactsync.sync.api;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.contactsync.sync.SyncRun;
import org.contactsync.sync.plan.ActionKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A sync run as the API shows it: who, what, where it stands, counts per action kind. */
@Schema(name = "SyncRun", description = "One sync run and its progress")
public record SyncRunDto(
        long id,
        String userName,
        @Schema(enumeration = {"PAGE", "CONTACT_LIST", "API", "JOB_QUEUE"}) String trigger,
        String startedBy,
        @Schema(enumeration = {"INCREMENTAL", "FULL"}) String mode,
        boolean preview,
        @Schema(enumeration = {"RUNNING", "SUCCEEDED", "FAILED", "POSTPONED", "BLOCKED_BY_GUARD"}) String status,
        Instant startedAt,
        Instant endedAt,
        @Schema(description = "Actions the plan holds") int plannedActions,
        @Schema(description = "Actions carried out so far") int doneActions,
        @Schema(description = "Per action kind, e.g. CREATE_IN_OUTLOOK") Map<String, Integer> counts,
        int failed,
        @Schema(description = "Deletes the mass-delete guard judged") int guardDeletes,
        @Schema(description = "Contacts in the folder the guard judged against") int guardFolderSize,
        @Schema(description = "HTTP requests sent to Microsoft Graph") int graphRequests,
        String message) {

    static SyncRunDto of(SyncRun run) {
        Map<String, Integer> counts = new TreeMap<>();
        Arrays.stream(ActionKind.values()).forEach(kind -> counts.put(kind.name(), run.count(kind)));
        return new SyncRunDto(run.getId(), run.getUserName(), run.getTrigger().name(), run.getStartedBy(),
                run.getMode().name(), run.isPreview(), run.getStatus().name(), run.getStartedAt(),
                run.endedAt().orElse(null), run.getPlannedActions(), run.getDoneActions(), counts, run.getFailed(),
                run.getGuardDeletes(), run.getGuardFolderSize(), run.getGraphRequests(),
                run.errorMessage().orElse(""));
    }
}
