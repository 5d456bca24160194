package org.cometmq.common.filter;

/** Languages of a subscription expression. */
public final class ExpressionType {
    /** Tag expression: {@code *} or tags joined by {@code ||}. */
    public static final String TAG = "TAG";
    /** SQL92 expression over message properties (needs {@code enablePropertyFilter=true} on the broker). */
    public static final String SQL92 = "SQL92";

    private ExpressionType() {
    }

    /** True for {@link #TAG} and {@link #SQL92}. */
    public static boolean isTagType(String type) {
        return type == null || "".equals(type) || TAG.equals(type);
    }
}
