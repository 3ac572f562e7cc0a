package org.plateautrace.store;

import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import io.vertx.sqlclient.Row;
import org.plateautrace.model.Page;
import org.plateautrace.model.PageRequest;

/**
 * A parameterised WHERE clause built from optional filters: each condition names its value as
 * {@code ?}, which becomes the next {@code $n}. Values never enter the SQL text.
 */
public final class Where {
    private final List<String> conditions = new ArrayList<>();
    private final List<Object> values = new ArrayList<>();

    /** Adds the condition when the value is present (not null). */
    public Where and(String condition, Object value) {
        if (value != null) {
            values.add(value);
            conditions.add(condition.replace("?", "$" + values.size()));
        }
        return this;
    }

    /** Runs {@code select} (which ends where a WHERE would go) as one keyset page ordered by {@code idColumn} descending. */
    public <T> io.vertx.core.Future<Page<T>> page(io.vertx.sqlclient.SqlClient client, String select, String idColumn,
                                                  PageRequest page, Function<Row, T> mapper) {
        and(idColumn + " < ?", page.after());
        values.add(page.limit() + 1);
        String sql = select + clause() + " ORDER BY " + idColumn + " DESC LIMIT $" + values.size();
        return client.preparedQuery(sql).execute(Tuple.from(values)).map(rows -> {
            List<T> items = new ArrayList<>();
            Long lastId = null;
            boolean more = false;
            for (Row row : rows) {
                if (items.size() == page.limit()) {
                    more = true;
                    break;
                }
                items.add(mapper.apply(row));
                lastId = row.getLong(idColumn.substring(idColumn.indexOf('.') + 1));
            }
            return new Page<>(items, more ? lastId : null);
        });
    }

    private String clause() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }
}
