package org.cometmq.broker.filter;

import java.nio.ByteBuffer;
import java.util.Map;
import org.cometmq.common.filter.sql92.Sql92Expression;
import org.cometmq.store.MessageFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Filters a pull by a compiled SQL92 expression over the message properties. The consume queue holds no property
 * data (this store keeps no bloom-filter extension), so every entry passes the first stage and the expression is
 * evaluated on the stored record's properties, read in place. Messages that do not match are skipped and still
 * count towards the next begin offset, like tag misses.
 *
 * <p>One instance serves one pull request at a time (it reuses its properties view).
 */
public class Sql92MessageFilter implements MessageFilter {
    private static final Logger log = LoggerFactory.getLogger(Sql92MessageFilter.class);

    private final Sql92Expression expression;
    private final StoredPropertiesView view = new StoredPropertiesView();

    public Sql92MessageFilter(Sql92Expression expression) {
        this.expression = expression;
    }

    @Override
    public boolean isMatchedByConsumeQueue(Long tagsCode, byte[] filterBitMap) {
        return true;
    }

    @Override
    public boolean isMatchedByCommitLog(ByteBuffer msgBuffer, Map<String, String> properties) {
        if (properties != null) {
            return expression.matches(properties::get);
        }
        if (msgBuffer == null) {
            return true;
        }
        try {
            return expression.matches(view.wrap(msgBuffer));
        } catch (IndexOutOfBoundsException e) {
            // a record that cannot be read cannot be delivered either; skip it rather than fail every pull
            log.warn("skipping an unreadable record while filtering by '{}': {}", expression, e.getMessage());
            return false;
        }
    }

    public Sql92Expression getExpression() {
        return expression;
    }
}
