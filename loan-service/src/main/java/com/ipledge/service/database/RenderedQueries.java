package com.ipledge.service.database;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.Table;
import org.jooq.conf.ParamType;
import org.jooq.impl.DSL;

/**
 * A repository's hot statements as jOOQ renders them, rendered once per shape and then run with new bind values.
 *
 * <p>Issue 22's profile of file + evaluate under load: jOOQ rendering SQL was 16% of the service's CPU, more than
 * any other single cost, for statements whose text never changes; jOOQ's manual ("Performance considerations")
 * names rendering as the cost to cache. The statement is still written with jOOQ's DSL: the supplier builds it on
 * the first run of its shape, and that run checks that the bind values given are, in order, the ones jOOQ found in
 * the statement, so that a statement changed later fails on its first run instead of binding values in the wrong
 * places.
 *
 * <p>Bind values are given as the repository method has them: an {@link Optional} stands for an optional condition
 * (left out when empty) and a {@link Collection} for an IN list's values. The statement's text depends on those, so
 * each combination (which optionals are present, how long each list is) is rendered as a shape of its own.
 */
public final class RenderedQueries {
    private record Rendered(String sql, List<DataType<?>> types, Field<?>[] fields) {
    }

    private final Map<String, Rendered> byShape = new ConcurrentHashMap<>();

    /** Rows of {@code rows}' type from the statement {@code query} builds, bound to {@code binds}. */
    public <R extends Record> ResultQuery<R> rows(DSLContext db, String name, Table<R> rows,
                                                  Supplier<? extends ResultQuery<R>> query, Object... binds) {
        Bound b = bind(name, query, binds);
        return db.resultQuery(b.sql(), b.params()).coerce(rows);
    }

    /** Records with the fields of the query {@code query} builds (a select of more than one table's columns). */
    public ResultQuery<Record> records(DSLContext db, String name, Supplier<? extends ResultQuery<?>> query,
                                       Object... binds) {
        Bound b = bind(name, query, binds);
        return db.resultQuery(b.sql(), b.params()).coerce(b.fields());
    }

    /** Runs the statement {@code query} builds, bound to {@code binds}; the number of rows it changed. */
    public int execute(DSLContext db, String name, Supplier<? extends Query> query, Object... binds) {
        Bound b = bind(name, query, binds);
        return db.query(b.sql(), b.params()).execute();
    }

    /** One of several statements sent together ({@link #executeTogether}): its name, builder and bind values. */
    public record Part(String name, Supplier<? extends Query> query, Object... binds) {
    }

    /**
     * Runs writes that read nothing back as one round trip: the driver sends the statements one after the other
     * and waits once, and they succeed or fail in the caller's transaction as if run one by one. Each part is
     * rendered and checked as {@link #execute} does; only the trip is shared.
     */
    public void executeTogether(DSLContext db, Part... parts) {
        StringBuilder sql = new StringBuilder();
        List<Param<?>> params = new ArrayList<>();
        for (Part part : parts) {
            Bound b = bind(part.name(), part.query(), part.binds());
            sql.append(sql.isEmpty() ? "" : ";\n").append(b.sql());
            params.addAll(List.of(b.params()));
        }
        db.query(sql.toString(), params.toArray()).execute();
    }

    /** A shape's text with this call's values. */
    private record Bound(String sql, Param<?>[] params, Field<?>[] fields) {
    }

    private Bound bind(String name, Supplier<? extends Query> query, Object[] binds) {
        Object[] values = flat(binds);
        Rendered r = rendered(shape(name, binds), query, values);
        return new Bound(r.sql(), params(r, values), r.fields());
    }

    private static String shape(String name, Object[] binds) {
        StringBuilder shape = new StringBuilder(name);
        for (Object b : binds) {
            if (b instanceof Optional<?> o) {
                shape.append(o.isPresent() ? "/1" : "/0");
            } else if (b instanceof Collection<?> c) {
                shape.append('/').append(c.size());
            }
        }
        return shape.toString();
    }

    private static Object[] flat(Object[] binds) {
        boolean plain = true;
        for (Object b : binds) {
            plain &= !(b instanceof Optional<?> || b instanceof Collection<?>);
        }
        if (plain) {
            return binds;
        }
        List<Object> out = new ArrayList<>();
        for (Object b : binds) {
            if (b instanceof Optional<?> o) {
                o.ifPresent(out::add);
            } else if (b instanceof Collection<?> c) {
                out.addAll(c);
            } else {
                out.add(b);
            }
        }
        return out.toArray();
    }

    private Rendered rendered(String shape, Supplier<? extends Query> query, Object[] binds) {
        Rendered known = byShape.get(shape);
        if (known != null) {
            if (known.types().size() != binds.length) {
                throw new IllegalStateException(shape + ": " + binds.length + " bind values for "
                        + known.types().size() + " places");
            }
            return known;
        }
        Query built = query.get();
        List<Object> expected = built.getBindValues();
        List<DataType<?>> types = new ArrayList<>();
        for (Param<?> p : built.getParams().values()) {
            if (!p.isInline()) {
                types.add(p.getDataType());
            }
        }
        if (expected.size() != binds.length || types.size() != binds.length) {
            throw new IllegalStateException(shape + ": " + binds.length + " bind values given, the statement has "
                    + expected.size() + ": " + expected);
        }
        for (int i = 0; i < binds.length; i++) {
            if (!same(expected.get(i), binds[i])) {
                throw new IllegalStateException(shape + ": bind value " + (i + 1) + " is " + expected.get(i)
                        + " in the statement, " + binds[i] + " given");
            }
        }
        Field<?>[] fields = built instanceof ResultQuery<?> q ? q.fields() : new Field<?>[0];
        Rendered fresh = new Rendered(built.getSQL(ParamType.INDEXED), List.copyOf(types), fields);
        Rendered raced = byShape.putIfAbsent(shape, fresh);
        return raced == null ? fresh : raced;
    }

    private static boolean same(Object inStatement, Object given) {
        return Objects.equals(inStatement, given) || inStatement instanceof Number n && given instanceof Number g
                && n.toString().equals(g.toString());
    }

    private static Param<?>[] params(Rendered r, Object[] binds) {
        Param<?>[] out = new Param<?>[binds.length];
        for (int i = 0; i < binds.length; i++) {
            out[i] = value(binds[i], r.types().get(i));
        }
        return out;
    }

    private static <T> Param<T> value(Object v, DataType<T> type) {
        return DSL.val(v, type);
    }
}
