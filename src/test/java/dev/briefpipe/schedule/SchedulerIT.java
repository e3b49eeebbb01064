package dev.briefpipe.schedule;

/** The scheduler suite on the embedded H2 store on disk. */
class SchedulerIT extends SchedulerSuite {
    @Override
    protected String databaseUrl() {
        return null;
    }
}
