package org.contactsync.sync.plan;

/**
 * Stops a run that would remove a large part of the folder until someone confirms it: blocked when the run would
 * delete more than {@code moreThanDeletes} contacts <em>and</em> more than {@code moreThanShare} of the contacts the
 * sync keeps in the folder (its links still there; the user's own contacts in the folder do not count).
 *
 * @param moreThanDeletes the number of deletes a run may reach without confirmation
 * @param moreThanShare   the share of the folder (0..1) a run may reach without confirmation
 */
public record MassDeleteGuard(int moreThanDeletes, double moreThanShare) {

    /** The thresholds: more than 10 contacts and more than half of the folder. */
    public static final MassDeleteGuard DEFAULT = new MassDeleteGuard(10, 0.5);

    public MassDeleteGuard {
        if (moreThanDeletes < 0 || moreThanShare < 0 || moreThanShare > 1) {
            throw new IllegalArgumentException("Mass-delete thresholds out of range: " + moreThanDeletes + ", "
                    + moreThanShare);
        }
    }

    /** The verdict for a run that deletes {@code deletes} of the {@code folderSize} contacts it keeps in the folder. */
    public MassDeleteVerdict judge(int deletes, int folderSize, boolean confirmed) {
        boolean massive = deletes > moreThanDeletes && deletes > moreThanShare * folderSize;
        return new MassDeleteVerdict(deletes, folderSize, massive, massive && !confirmed);
    }

    /**
     * The guard's verdict on a plan.
     *
     * @param deletes    the plan's deletes in Outlook
     * @param folderSize the contacts the sync kept in the folder before the run
     * @param massive    the deletes pass both thresholds
     * @param blocked    massive and not confirmed: the plan must not be executed
     */
    public record MassDeleteVerdict(int deletes, int folderSize, boolean massive, boolean blocked) {
    }
}
