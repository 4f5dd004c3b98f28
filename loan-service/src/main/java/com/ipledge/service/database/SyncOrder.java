package com.ipledge.service.database;

import com.ipledge.service.web.SyncWindow;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.SortField;
import org.jooq.impl.DSL;

/** A sync window as SQL over a table's (updated_at, id): the filter and the stable order every sync list uses. */
public final class SyncOrder {
    private SyncOrder() {
    }

    /** Changed at or after updatedSince: what a sync page's total counts. */
    public static Condition since(SyncWindow window, Field<OffsetDateTime> updatedAt) {
        return window.updatedSince().map(updatedAt::ge).orElse(DSL.trueCondition());
    }

    /** Changed at or after updatedSince, and after the cursor's position in (updated_at, id) order. */
    public static Condition condition(SyncWindow window, Field<OffsetDateTime> updatedAt, Field<UUID> id) {
        Condition c = since(window, updatedAt);
        return window.after().map(p -> c.and(DSL.row(updatedAt, id).gt(p.updatedAt(), p.id()))).orElse(c);
    }

    public static List<SortField<?>> order(Field<OffsetDateTime> updatedAt, Field<UUID> id) {
        return List.of(updatedAt.asc(), id.asc());
    }
}
