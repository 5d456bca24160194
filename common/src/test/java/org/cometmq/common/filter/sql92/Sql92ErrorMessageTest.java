package org.cometmq.common.filter.sql92;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Malformed expressions are rejected with the column, the problem and the expression in the message. */
class Sql92ErrorMessageTest {

    private static FilterException reject(String expression) {
        return assertThrows(FilterException.class, () -> Sql92Compiler.compile(expression), expression);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        // unclosed parenthesis
        "a > (5                 | Syntax error at column 7: expected ')' but found end of input in 'a > (5'",
        "((a = 1) AND b         | Syntax error at column 15: expected ')' but found end of input in '((a = 1) AND b'",
        // dangling operators
        "a >                    | Syntax error at column 4: expected an expression but found end of input in 'a >'",
        "a = 1 AND              | Syntax error at column 10: expected an expression but found end of input in 'a = 1 AND'",
        "OR a = 1               | Syntax error at column 1: expected an expression but found 'OR' in 'OR a = 1'",
        "a = = 1                | Syntax error at column 5: expected an expression but found '=' in 'a = = 1'",
        "NOT                    | Syntax error at column 4: expected an expression but found end of input in 'NOT'",
        "a IS 5                 | Syntax error at column 6: expected NULL but found '5' in 'a IS 5'",
        // unknown tokens
        "a # 1                  | Syntax error at column 3: unexpected character '#' in 'a # 1'",
        "a != 1                 | Syntax error at column 3: unexpected character '!' in 'a != 1'",
        "a.b = 1                | Syntax error at column 2: unexpected character '.' in 'a.b = 1'",
        "a = 'x                 | Syntax error at column 5: unterminated string literal in 'a = 'x'",
        "a = 1 /* x             | Syntax error at column 7: unterminated comment in 'a = 1 /* x'",
        "a = 99999999999999999999 | Syntax error at column 5: number 99999999999999999999 is too large for a long in 'a = 99999999999999999999'",
        "a = 1e999              | Syntax error at column 5: number 1e999 is too large for a double in 'a = 1e999'",
        // IN and BETWEEN shapes
        "a IN ()                | Syntax error at column 7: expected a string literal but found ')' in 'a IN ()'",
        "a IN 'x'               | Syntax error at column 6: expected '(' but found string 'x' in 'a IN 'x''",
        "a IN ('x' 'y')         | Syntax error at column 11: expected ',' or ')' but found string 'y' in 'a IN ('x' 'y')'",
        "a IN (1, 2)            | Syntax error at column 7: expected a string literal but found '1' in 'a IN (1, 2)'",
        "a BETWEEN 1 5          | Syntax error at column 13: expected AND but found '5' in 'a BETWEEN 1 5'",
        "a BETWEEN 1            | Syntax error at column 12: expected AND but found end of input in 'a BETWEEN 1'",
        // no LIKE in 4.9.7: NOT after an operand must start NOT BETWEEN or NOT IN
        "a NOT LIKE 'x'         | Syntax error at column 7: expected BETWEEN or IN but found 'LIKE' in 'a NOT LIKE 'x''",
        "a NOT b                | Syntax error at column 7: expected BETWEEN or IN but found 'b' in 'a NOT b'",
        // a bad character right after a complete expression is read, and refused
        "a = 1 #                | Syntax error at column 7: unexpected character '#' in 'a = 1 #'",
        // literal ranges of 4.9.7
        "a = 0.0                | Syntax error at column 5: decimal 0.0 is below the smallest accepted decimal 4.9E-324 (write 0 for zero) in 'a = 0.0'",
        "a = 1e-400             | Syntax error at column 5: decimal 1e-400 is below the smallest accepted decimal 4.9E-324 (write 0 for zero) in 'a = 1e-400'",
        "a = -9223372036854775808 | Syntax error at column 6: number 9223372036854775808 is too large for a long in 'a = -9223372036854775808'",
        // types
        "5                      | Type error at column 1: 5 does not result in a boolean value in '5'",
        "-a                     | Type error at column 1: (-a) does not result in a boolean value in '-a'",
        "'x'                    | Type error at column 1: string 'x' does not result in a boolean value in ''x''",
        "NOT 5                  | Type error at column 5: 5 does not result in a boolean value in 'NOT 5'",
        "a = 1 AND 2.5          | Type error at column 11: 2.5 does not result in a boolean value in 'a = 1 AND 2.5'",
        "a > 'x'                | Type error at column 5: '>' needs a number or a property, found string 'x' in 'a > 'x''",
        "TRUE <= a              | Type error at column 1: '<=' needs a number or a property, found TRUE in 'TRUE <= a'",
        "(a = 1) > 2            | Type error at column 4: '>' needs a number or a property, found (a = 1) in '(a = 1) > 2'",
        "a BETWEEN 'a' AND 'z'  | Type error at column 11: BETWEEN needs a number or a property, found string 'a' in 'a BETWEEN 'a' AND 'z''",
        "a BETWEEN 5 AND 3      | Type error at column 11: BETWEEN lower bound 5 is greater than upper bound 3 in 'a BETWEEN 5 AND 3'",
        "a = NULL               | Type error at column 5: NULL cannot be compared with '=' (use IS NULL) in 'a = NULL'",
        "NULL <> a              | Type error at column 1: NULL cannot be compared with '<>' (use IS NOT NULL) in 'NULL <> a'",
        "TRUE = 5               | Type error at column 8: cannot compare TRUE with 5 in 'TRUE = 5'",
        "FALSE <> 'x'           | Type error at column 10: cannot compare FALSE with string 'x' in 'FALSE <> 'x''",
        "NOT a > 1              | Type error at column 1: '>' needs a number or a property, found (NOT a) in 'NOT a > 1'",
        "NOT a BETWEEN 1 AND 2  | Type error at column 1: BETWEEN needs a number or a property, found (NOT a) in 'NOT a BETWEEN 1 AND 2'",
        "a BETWEEN NULL AND 5   | Type error at column 11: BETWEEN bounds cannot be NULL in 'a BETWEEN NULL AND 5'",
        "5 IN ('a')             | Type error at column 1: IN needs a property on its left, found 5 in '5 IN ('a')'",
        "(a = 1) NOT IN ('a')   | Type error at column 4: NOT IN needs a property on its left, found (a = 1) in '(a = 1) NOT IN ('a')'",
    })
    void rejectsWithExactMessage(String expression, String message) {
        assertEquals(message, reject(expression).getMessage());
    }

    @Test
    void emptyAndBlankExpressions() {
        assertEquals("Syntax error at column 1: expected an expression but found end of input in ''",
            reject("").getMessage());
        assertEquals("Syntax error at column 4: expected an expression but found end of input in '   '",
            reject("   ").getMessage());
        // without a line end, "--" is two minus signs (4.9.7's rule)
        assertEquals("Type error at column 1: (-(-comment)) does not result in a boolean value in '-- comment'",
            reject("-- comment").getMessage());
        assertEquals("Syntax error at column 12: expected an expression but found end of input in '-- comment\n'",
            reject("-- comment\n").getMessage());
        FilterException nullExpression = reject(null);
        assertEquals("SQL92 expression is null", nullExpression.getMessage());
        assertEquals(0, nullExpression.getColumn());
    }

    @Test
    void exceptionCarriesColumnAndExpression() {
        FilterException e = reject("a > (5");
        assertEquals(7, e.getColumn());
        assertEquals("a > (5", e.getExpression());
    }

    @Test
    void controlCharactersAreNamedByCodePoint() {
        assertEquals("Syntax error at column 5: unexpected character U+0001 in 'a = \u0001'",
            reject("a = \u0001").getMessage());
        assertEquals("Syntax error at column 5: unexpected character U+00E9 in 'a = \u00e9'",
            reject("a = \u00e9").getMessage());
    }

    @Test
    void nestingIsBounded() {
        String parens = "(".repeat(101) + "a" + ")".repeat(101);
        assertEquals("Syntax error at column 101: expression nests deeper than 100 levels in '" + parens.substring(0, 200)
            + "...'", reject(parens).getMessage());
        assertEquals(401, reject("NOT ".repeat(101) + "a").getColumn());
        assertEquals(201, reject("- ".repeat(101) + "a > 1").getColumn());
        FilterException chain = reject("a" + " = TRUE".repeat(150));
        assertEquals("Syntax error at column 696: expression nests deeper than 100 levels in '"
            + ("a" + " = TRUE".repeat(150)).substring(0, 200) + "...'", chain.getMessage());
    }

    @Test
    void longTokensAndExpressionsAreShortenedInMessages() {
        String longName = "p".repeat(300);
        FilterException e = reject("a IS " + longName);
        assertEquals("Syntax error at column 6: expected NULL but found '" + "p".repeat(40) + "...' in 'a IS "
            + "p".repeat(195) + "...'", e.getMessage());
    }
}
