package org.cometmq.client.consumer;

import org.cometmq.common.filter.ExpressionType;

/**
 * Which messages of a topic a consumer wants: a tag expression ({@code "TagA || TagB"}, {@code "*"}) or an
 * SQL92 expression over message properties. SQL92 is evaluated by the broker, which must run with
 * {@code enablePropertyFilter=true}.
 */
public final class MessageSelector {
    private final String type;
    private final String expression;

    private MessageSelector(String type, String expression) {
        this.type = type;
        this.expression = expression;
    }

    /** An SQL92 selector, e.g. {@code "a > 5 AND b = 'abc'"}; {@code null} or blank selects everything. */
    public static MessageSelector bySql(String sql) {
        return new MessageSelector(ExpressionType.SQL92, sql);
    }

    /** A tag selector, e.g. {@code "TagA || TagB"}; {@code null}, blank or {@code "*"} selects everything. */
    public static MessageSelector byTag(String tag) {
        return new MessageSelector(ExpressionType.TAG, tag);
    }

    public String getExpressionType() {
        return type;
    }

    public String getExpression() {
        return expression;
    }
}
