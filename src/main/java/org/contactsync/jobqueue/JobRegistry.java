package org.contactsync.jobqueue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The objects an entry can run: every {@link JobQueueJob} bean, by object type and id. */
@ApplicationScoped
public class JobRegistry {

    @Inject
    @Any
    Instance<JobQueueJob> jobs;

    public Optional<JobQueueJob> find(ObjectType type, int id) {
        return jobs.stream().filter(job -> job.objectType() == type && job.objectId() == id).findFirst();
    }

    public List<JobQueueJob> all() {
        return jobs.stream().sorted(Comparator.comparing(JobQueueJob::objectType)
                .thenComparingInt(JobQueueJob::objectId)).toList();
    }
}
