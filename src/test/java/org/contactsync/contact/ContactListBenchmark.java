package org.contactsync.contact;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntBinaryOperator;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import java.util.logging.Logger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.contactsync.testsupport.DatabaseKind;
import org.contactsync.testsupport.TestDatabase;

/**
 * Benchmark 5 (issue 7, run by {@code bench/contact-list.sh}): the server time of the Contact List's pages with
 * many contacts, on H2 and on PostgreSQL. A page is what the list page and {@code GET /api/v1/contacts} ask the
 * repository for: the count, then one page of 25 rows, each in its own entity manager and transaction as the
 * {@code ContactService} EJB calls run, on connections kept open as the server's pool keeps them. Times exclude
 * HTTP and JSON; they include JPA, JDBC and the database. Prints one Markdown row per database and page: median,
 * 95th percentile and maximum over the repetitions after a warm-up; "rows" and "total" are the last repetition's.
 *
 * <p>Each page's count and rows are also checked against what the data gives, worked out here from how
 * {@link ScaleContacts} made it: a page that returns the wrong rows, or none, is not a fast page.
 *
 * <p>Arguments: {@code contacts repetitions database...} (e.g. {@code 100000 100 H2 POSTGRESQL}). Exit 0: every
 * count right and every time target met; 3: every count right, a time target missed; 4: a count is off.
 */
public final class ContactListBenchmark {

    private static final int PAGE = 25;
    private static final double TARGET_MILLIS = 150;

    /**
     * One kind of page the list serves. Repetition {@code r} asks a slightly different question (filter text,
     * offset) so that H2 cannot hand back the previous result: it reuses the result of an identical query while no
     * table changed, which a list being worked in does not get.
     */
    private record Page(String name, IntFunction<ContactFilter> filter, ContactSort sort, IntBinaryOperator offset,
                        IntFunction<IntPredicate> matches) {
    }

    /** How one database's pages did. */
    private record Verdict(boolean countsRight, boolean timesMet) {
        Verdict and(Verdict other) {
            return new Verdict(countsRight && other.countsRight, timesMet && other.timesMet);
        }
    }

    /** The search box: the text anywhere in the contact's No., Name, Company Name, City, Phone No. or E-Mail, in any case. */
    private static IntPredicate searchFinds(String text) {
        String upper = text.toUpperCase(Locale.ROOT);
        return i -> Stream.of(ScaleContacts.no(i), ScaleContacts.name(i), ScaleContacts.companyName(i),
                        ScaleContacts.city(i), ScaleContacts.phone(i), ScaleContacts.email(i))
                .anyMatch(value -> value.toUpperCase(Locale.ROOT).contains(upper));
    }

    /** A plain column filter: the text anywhere in the Name, in any case. */
    private static IntPredicate nameContains(String text) {
        return i -> ScaleContacts.name(i).toUpperCase(Locale.ROOT).contains(text.toUpperCase(Locale.ROOT));
    }

    /** Texts found inside persons' surnames (Lindberg, Sandberg): "berg" and pieces of it and them. */
    private static final List<String> INSIDE_SURNAMES = List.of("berg", "dberg", "ndber", "ndberg", "dber");

    /** A No. column filter with Business Central's range syntax: 150 contacts from a place that moves with r. */
    private static String noRange(int contacts, int r) {
        int from = (contacts / 2 + r * 7) % (contacts - 150) + 1;
        return ScaleContacts.no(from) + ".." + ScaleContacts.no(from + 149);
    }

    private ContactListBenchmark() {
    }

    public static void main(String[] args) throws SQLException {
        int contacts = Integer.parseInt(args[0]);
        int repetitions = Integer.parseInt(args[1]);
        var databases = Arrays.stream(args).skip(2).map(a -> DatabaseKind.valueOf(a.toUpperCase(Locale.ROOT))).toList();
        // EclipseLink and the JDBC drivers report their start-up at INFO on the console; the figures are the output.
        Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        var out = new PrintWriter(System.out, true);
        out.println("| database | page | median | p95 | max | rows | total | target < " + (int) TARGET_MILLIS + " ms |");
        out.println("|---|---|---|---|---|---|---|---|");
        Verdict all = new Verdict(true, true);
        for (var kind : databases) {
            all = all.and(measure(kind, contacts, repetitions, out));
        }
        System.exit(!all.countsRight() ? 4 : all.timesMet() ? 0 : 3);
    }

    private static final List<String> CITIES = ScaleContacts.CITIES;

    /** The pages; a person's number is 50·k + 7 (every 50th contact is a company). */
    private static List<Page> pages(int contacts) {
        return List.of(
                new Page("first page (Business Central's order)", r -> ContactFilter.NONE, ContactSort.DEFAULT,
                        (total, r) -> 0, r -> i -> true),
                new Page("deep page sorted by Name (90 % down)", r -> ContactFilter.NONE, new ContactSort("name", true),
                        (total, r) -> total * 9 / 10 - r, r -> i -> true),
                new Page("deep page sorted by City, descending (90 % down)", r -> ContactFilter.NONE,
                        new ContactSort("city", false), (total, r) -> total * 9 / 10 - r, r -> i -> true),
                new Page("search box, one person's e-mail (\"p" + (contacts / 100 % (contacts / 50) * 50 + 7) + "@\")",
                        r -> ContactFilter.NONE.withSearch(personsEmailPrefix(contacts, r)),
                        ContactSort.DEFAULT, (total, r) -> 0, r -> searchFinds(personsEmailPrefix(contacts, r))),
                new Page("search box, a city: 1/8 of all (\"Uppsala\")",
                        r -> ContactFilter.NONE.withSearch(CITIES.get(r % CITIES.size())), ContactSort.DEFAULT,
                        (total, r) -> 0, r -> searchFinds(CITIES.get(r % CITIES.size()))),
                new Page("search box, anywhere in the text: \"berg\" (Lindberg, Sandberg: 1/5 of all)",
                        r -> ContactFilter.NONE.withSearch(INSIDE_SURNAMES.get(r % INSIDE_SURNAMES.size())),
                        ContactSort.DEFAULT, (total, r) -> 0,
                        r -> searchFinds(INSIDE_SURNAMES.get(r % INSIDE_SURNAMES.size()))),
                new Page("Name column filter, anywhere in the Name (\"company 1\")",
                        r -> ContactFilter.NONE.withName("company " + (r % 9 + 1)), ContactSort.DEFAULT,
                        (total, r) -> 0, r -> nameContains("company " + (r % 9 + 1))),
                new Page("No. column filter, a range (\"" + noRange(contacts, 0) + "\", 150 contacts)",
                        r -> ContactFilter.NONE.withColumn("no", noRange(contacts, r)), ContactSort.DEFAULT,
                        (total, r) -> 0, r -> {
                            String[] ends = noRange(contacts, r).split("\\.\\.");
                            return i -> ScaleContacts.no(i).compareTo(ends[0]) >= 0
                                    && ScaleContacts.no(i).compareTo(ends[1]) <= 0;
                        }));
    }

    private static String personsEmailPrefix(int contacts, int r) {
        return "p" + ((contacts / 100 + r) % (contacts / 50) * 50 + 7) + "@";
    }

    private static Verdict measure(DatabaseKind kind, int contacts, int repetitions, PrintWriter out)
            throws SQLException {
        try (var db = TestDatabase.fresh(kind); var connections = new KeptConnections(db.dataSource())) {
            ScaleContacts.insert(db.dataSource(), contacts);
            var emf = Persistence.createEntityManagerFactory("contactsync", Map.of(
                    "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                    "jakarta.persistence.jtaDataSource", "",
                    "jakarta.persistence.nonJtaDataSource", connections.dataSource(),
                    "eclipselink.logging.level", "WARNING"));
            Verdict verdict = new Verdict(true, true);
            try {
                for (var page : pages(contacts)) {
                    verdict = verdict.and(measure(kind, page, emf, contacts, repetitions, out));
                }
            } finally {
                emf.close();
            }
            return verdict;
        }
    }

    private static Verdict measure(DatabaseKind kind, Page page, EntityManagerFactory emf, int contacts,
                                   int repetitions, PrintWriter out) {
        int warmUp = Math.max(3, repetitions / 5);
        long[] nanos = new long[repetitions];
        long total = 0;
        int rows = 0;
        boolean countsRight = true;
        for (int i = -warmUp; i < repetitions; i++) {
            int question = i + warmUp;
            ContactFilter filter = page.filter().apply(question);
            long started = System.nanoTime();
            total = inTransaction(emf, em -> new ContactRepository(em).count(filter));
            int offset = page.offset().applyAsInt((int) total, question);
            rows = inTransaction(emf, em -> new ContactRepository(em).find(filter, page.sort(), offset, PAGE)).size();
            if (i >= 0) {
                nanos[i] = System.nanoTime() - started;
            }
            long expectedTotal = IntStream.rangeClosed(1, contacts).filter(page.matches().apply(question)).count();
            long expectedRows = Math.max(0, Math.min(PAGE, expectedTotal - offset));
            if (total != expectedTotal || rows != expectedRows) {
                countsRight = false;
                out.printf(Locale.ROOT, "COUNT OFF: %s, %s, question %d: %d rows of %d where the data gives %d of %d%n",
                        kind, page.name(), question, rows, total, expectedRows, expectedTotal);
            }
        }
        Arrays.sort(nanos);
        double median = millis(nanos[repetitions / 2]);
        double p95 = millis(nanos[Math.min(repetitions - 1, (int) Math.ceil(repetitions * 0.95) - 1)]);
        boolean met = median < TARGET_MILLIS;
        out.printf(Locale.ROOT, "| %s | %s | %.1f ms | %.1f ms | %.1f ms | %d | %d | %s |%n", kind, page.name(), median,
                p95, millis(nanos[repetitions - 1]), rows, total,
                !countsRight ? "COUNT OFF" : met ? "met" : "MISSED");
        return new Verdict(countsRight, met);
    }

    private static <T> T inTransaction(EntityManagerFactory emf, Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            T result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }

    /**
     * Keeps closed connections open for the next caller, as the server's connection pool does: without it every
     * query would pay for a new PostgreSQL connection, which the application never does. (The test classpath has no
     * pool library; this is the least of one.)
     */
    private static final class KeptConnections implements AutoCloseable {

        private final DataSource target;
        private final Deque<Connection> idle = new ArrayDeque<>();
        private final List<Connection> opened = new ArrayList<>();

        KeptConnections(DataSource target) {
            this.target = target;
        }

        DataSource dataSource() {
            return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(),
                    new Class<?>[]{DataSource.class}, (proxy, method, args) -> {
                        if (method.getName().equals("getConnection")) {
                            return borrow();
                        }
                        return invoke(method, target, args);
                    });
        }

        private synchronized Connection borrow() throws SQLException {
            Connection physical = idle.isEmpty() ? open() : idle.pop();
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[]{Connection.class}, (proxy, method, args) -> {
                        if (method.getName().equals("close")) {
                            giveBack(physical);
                            return null;
                        }
                        return invoke(method, physical, args);
                    });
        }

        private Connection open() throws SQLException {
            Connection connection = target.getConnection();
            opened.add(connection);
            return connection;
        }

        private synchronized void giveBack(Connection physical) throws SQLException {
            if (!physical.getAutoCommit()) {
                physical.rollback();
                physical.setAutoCommit(true);
            }
            idle.push(physical);
        }

        private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }

        @Override
        public synchronized void close() throws SQLException {
            for (Connection connection : opened) {
                connection.close();
            }
        }
    }
}
