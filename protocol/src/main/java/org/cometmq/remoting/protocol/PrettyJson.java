package org.cometmq.remoting.protocol;

/**
 * Indents compact JSON the way the 4.x tools and config files print it (fastjson 1's pretty format): one tab per
 * level; an object's or list's entries each on a line of their own; an empty object or list stays {@code {}} or
 * {@code []}. One quirk is kept because operators diff against it: an entry whose key is not a quoted string (a
 * number key of a {@code Map<Long, ...>}) does not start a new line, so {@code {0:"a",1:"b"}} prints as
 * {@code {0:"a",1:"b"} followed by a line with the closing brace}.
 *
 * <p>The input is trusted to be valid JSON as our own writer produced it; keys may be unquoted numbers.
 */
final class PrettyJson {
    private final String json;
    private final StringBuilder out;
    private int pos;
    private int depth;

    private PrettyJson(String json) {
        this.json = json;
        this.out = new StringBuilder(json.length() * 2);
    }

    /** {@code json} re-indented; the text of strings and literals is copied unchanged. */
    static String format(String json) {
        PrettyJson printer = new PrettyJson(json);
        printer.value();
        return printer.out.toString();
    }

    private void value() {
        char c = json.charAt(pos);
        if (c == '{') {
            container('{', '}');
        } else if (c == '[') {
            container('[', ']');
        } else if (c == '"') {
            string();
        } else {
            literal();
        }
    }

    /** An object (key:value entries) or a list (values), {@code pos} at its opening character. */
    private void container(char open, char close) {
        pos++;
        out.append(open);
        if (json.charAt(pos) == close) {
            pos++;
            out.append(close);
            return;
        }
        depth++;
        boolean first = true;
        do {
            if (!first) {
                out.append(',');
            }
            first = false;
            if (open == '[' || json.charAt(pos) == '"') {
                newLine();
            }
            value();
            if (open == '{') {
                out.append(':');
                pos++;
                value();
            }
        } while (json.charAt(pos++) != close);
        depth--;
        newLine();
        out.append(close);
    }

    private void string() {
        int start = pos++;
        while (json.charAt(pos) != '"') {
            pos += json.charAt(pos) == '\\' ? 2 : 1;
        }
        pos++;
        out.append(json, start, pos);
    }

    /** A number, true, false or null: everything up to the next structural character. */
    private void literal() {
        int start = pos;
        while (pos < json.length() && ",:}]".indexOf(json.charAt(pos)) < 0) {
            pos++;
        }
        out.append(json, start, pos);
    }

    private void newLine() {
        out.append('\n');
        out.append("\t".repeat(depth));
    }
}
