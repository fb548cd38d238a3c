package org.contactsync.sandbox;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link GraphSdkContract} against a real Microsoft 365 tenant, to hold the sandbox against the real service: run by
 * {@code mvn verify -Preal-tenant} with the environment variables of {@link GraphTarget#REAL_TENANT_VARIABLES} set
 * (README, "Holding the sandbox against a real tenant"). No container: the SDK talks to Microsoft directly. Each
 * check creates a uniquely named folder in the test mailbox and removes it with permanentDelete. Without the
 * variables the whole class is skipped, with one line saying so.
 */
class RealTenantGraphSdkIT {

    private static GraphSdkContract contract;

    @BeforeAll
    static void realTenant() {
        List<String> missing = GraphTarget.missingVariables(System.getenv());
        String skipped = "Real-tenant Graph contract tests skipped: set " + String.join(", ", missing)
                + " (README: Holding the sandbox against a real tenant)";
        if (!missing.isEmpty()) {
            // Surefire reports a skipped class without its reason; this is the line that says why.
            System.out.println(skipped);
        }
        assumeTrue(missing.isEmpty(), skipped);
        GraphTarget target = GraphTarget.realTenant(System.getenv()).orElseThrow();
        contract = new GraphSdkContract(target, GraphSdkContract.PERMANENT_DELETE);
    }

    @Test
    void foldersAreCreatedFoundRenamedAndDeletedAndDuplicatesRefused() {
        contract.foldersAreCreatedFoundRenamedAndDeletedAndDuplicatesRefused(deletedId -> {
        });
    }

    @Test
    void contactsAreCreatedPagedFilteredExpandedUpdatedAndDeleted() throws Exception {
        contract.contactsAreCreatedPagedFilteredExpandedUpdatedAndDeleted();
    }

    @Test
    void theDeltaLoopSeesEverythingThenChangesAndDeletions() throws Exception {
        contract.theDeltaLoopSeesEverythingThenChangesAndDeletions(loop -> {
        });
    }
}
