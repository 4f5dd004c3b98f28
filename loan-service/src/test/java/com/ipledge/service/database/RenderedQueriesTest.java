package com.ipledge.service.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipledge.service.support.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Statements rendered once per shape, against a real PostgreSQL: same rows as jOOQ's own, and misuse caught. */
class RenderedQueriesTest {
    private static final Table<Record> LOT = DSL.table(DSL.name("lot"));
    private static final Field<UUID> ID = DSL.field(DSL.name("id"), SQLDataType.UUID);
    private static final Field<UUID> BANK = DSL.field(DSL.name("bank"), SQLDataType.UUID);
    private static final Field<String> NAME = DSL.field(DSL.name("name"), SQLDataType.VARCHAR);
    private static final Field<BigDecimal> AMOUNT = DSL.field(DSL.name("amount"), SQLDataType.NUMERIC(18, 2));
    private static final UUID BANK_A = UUID.randomUUID();
    private static final UUID BANK_B = UUID.randomUUID();

    private static Connection connection;
    private static DSLContext db;

    private final RenderedQueries rendered = new RenderedQueries();

    @BeforeAll
    static void database() throws Exception {
        connection = DriverManager.getConnection(TestDatabase.freshDatabaseUrl(), "postgres", "");
        db = DSL.using(connection, org.jooq.SQLDialect.POSTGRES);
        db.execute("create table lot (id uuid primary key, bank uuid, name text not null, amount numeric(18, 2))");
    }

    @AfterAll
    static void close() throws Exception {
        connection.close();
    }

    private int insert(UUID id, UUID bank, String name, BigDecimal amount) {
        return rendered.execute(db, "insert", () -> db.insertInto(LOT).set(ID, id).set(BANK, bank).set(NAME, name)
                .set(AMOUNT, amount), id, bank, name, amount);
    }

    private List<String> names(Optional<UUID> bank, List<String> among) {
        return rendered.records(db, "names", () -> db.select(NAME).from(LOT)
                        .where(NAME.in(among).and(bank.map(BANK::eq).orElse(DSL.trueCondition()))).orderBy(NAME),
                among, bank)
                .fetch(r -> r.get(NAME));
    }

    @Test
    void eachShapeRunsWithItsOwnValuesAndAnswersWhatJooqWould() {
        UUID a = UUID.randomUUID();
        assertEquals(1, insert(a, BANK_A, "alpha", new BigDecimal("10.50")));
        // the second run reuses the first run's text: nulls and other values bind in the same places
        assertEquals(1, insert(UUID.randomUUID(), null, "beta", null));
        assertEquals(1, insert(UUID.randomUUID(), BANK_B, "gamma", new BigDecimal("3.00")));

        // an optional condition and an IN list: a shape per combination, each with its own text
        assertEquals(List.of("alpha", "beta", "gamma"), names(Optional.empty(), List.of("alpha", "beta", "gamma")));
        assertEquals(List.of("gamma"), names(Optional.of(BANK_B), List.of("alpha", "beta", "gamma")));
        assertEquals(List.of("alpha"), names(Optional.of(BANK_A), List.of("alpha")));
        assertEquals(List.of(), names(Optional.of(BANK_B), List.of("alpha")));

        for (String name : List.of("alpha", "beta", "gamma")) {
            Condition byName = NAME.eq(name);
            Record mine = rendered.records(db, "one", () -> db.select(ID, BANK, AMOUNT).from(LOT).where(byName),
                    name).fetchOne();
            Record jooqs = db.select(ID, BANK, AMOUNT).from(LOT).where(byName).fetchOne();
            assertEquals(jooqs.intoList(), mine.intoList());
        }
    }

    @Test
    void valuesInTheWrongOrderAreRefusedOnTheFirstRun() {
        UUID id = UUID.randomUUID();
        String swapped = assertThrows(IllegalStateException.class, () -> rendered.execute(db, "swapped",
                () -> db.insertInto(LOT).set(ID, id).set(NAME, "delta"), "delta", id)).getMessage();
        assertTrue(swapped.startsWith("swapped: bind value 1 is " + id), swapped);
        String fewer = assertThrows(IllegalStateException.class, () -> rendered.execute(db, "short",
                () -> db.insertInto(LOT).set(ID, id).set(NAME, "delta"), id)).getMessage();
        assertTrue(fewer.contains("1 bind values given, the statement has 2"), fewer);
        assertEquals(0, db.fetchCount(LOT, NAME.eq("delta")));
    }

    @Test
    void aShapeGivenTooFewValuesLaterIsRefused() {
        UUID id = UUID.randomUUID();
        assertEquals(0, rendered.execute(db, "update", () -> db.update(LOT).set(NAME, "epsilon").where(ID.eq(id)),
                "epsilon", id));
        String later = assertThrows(IllegalStateException.class, () -> rendered.execute(db, "update",
                () -> db.update(LOT).set(NAME, "epsilon").where(ID.eq(id)), "epsilon")).getMessage();
        assertTrue(later.contains("1 bind values for 2 places"), later);
    }

    @Test
    void statementsSentTogetherBindTheirOwnValuesAndFailAsOne() throws Exception {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        rendered.executeTogether(db, together(first, "zeta", new BigDecimal("1.00")),
                together(second, "eta", null));
        assertEquals(List.of("eta", "zeta"), names(Optional.empty(), List.of("eta", "zeta")));
        assertEquals(new BigDecimal("1.00"), db.select(AMOUNT).from(LOT).where(ID.eq(first)).fetchOne(AMOUNT));

        // the second part breaks the primary key: in a transaction, the first part's row goes with it
        UUID third = UUID.randomUUID();
        connection.setAutoCommit(false);
        try {
            assertThrows(org.jooq.exception.DataAccessException.class, () -> rendered.executeTogether(db,
                    together(third, "theta", null), together(first, "iota", null)));
            connection.rollback();
        } finally {
            connection.setAutoCommit(true);
        }
        assertEquals(0, db.fetchCount(LOT, ID.eq(third)));
    }

    private RenderedQueries.Part together(UUID id, String name, BigDecimal amount) {
        return new RenderedQueries.Part("together", () -> db.insertInto(LOT).set(ID, id).set(NAME, name)
                .set(AMOUNT, amount), id, name, amount);
    }
}
