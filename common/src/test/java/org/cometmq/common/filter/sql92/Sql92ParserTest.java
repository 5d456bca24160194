package org.cometmq.common.filter.sql92;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import org.cometmq.common.filter.sql92.ast.Between;
import org.cometmq.common.filter.sql92.ast.BooleanLiteral;
import org.cometmq.common.filter.sql92.ast.CompareOp;
import org.cometmq.common.filter.sql92.ast.Comparison;
import org.cometmq.common.filter.sql92.ast.DoubleLiteral;
import org.cometmq.common.filter.sql92.ast.In;
import org.cometmq.common.filter.sql92.ast.IsNull;
import org.cometmq.common.filter.sql92.ast.LongLiteral;
import org.cometmq.common.filter.sql92.ast.ExpressionNode;
import org.cometmq.common.filter.sql92.ast.NullLiteral;
import org.cometmq.common.filter.sql92.ast.Property;
import org.cometmq.common.filter.sql92.ast.StringLiteral;
import org.cometmq.common.filter.sql92.parser.Sql92Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Parse trees, printed fully parenthesized, for precedence, every operator and every literal form. */
class Sql92ParserTest {

    private static String tree(String expression) throws FilterException {
        return Sql92Parser.parse(expression).toString();
    }

    private static ExpressionNode rightOf(String comparison) throws FilterException {
        return ((Comparison) Sql92Parser.parse(comparison)).right();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "a OR b AND c                    | (a OR (b AND c))",
        "a AND b OR c                    | ((a AND b) OR c)",
        "a OR b OR c AND d AND e         | (a OR b OR (c AND d AND e))",
        "NOT a = 1 AND b                 | (((NOT a) = 1) AND b)",
        "NOT a = 1 OR NOT b > 2          | (((NOT a) = 1) OR ((NOT b) > 2))",
        "NOT (a = 1) AND b               | ((NOT (a = 1)) AND b)",
        "NOT a IS NULL                   | ((NOT a) IS NULL)",
        "- NOT a                         | (-(NOT a))",
        "NOT NOT a                       | (NOT (NOT a))",
        "((a = 1 OR b = 2)) AND (c = 3)  | (((a = 1) OR (b = 2)) AND (c = 3))",
        "(a AND (b OR (c AND (d))))      | (a AND (b OR (c AND d)))",
        "NOT (a OR b)                    | (NOT (a OR b))",
        "a > 1 = TRUE                    | ((a > 1) = TRUE)",
        "a = 1 = TRUE                    | ((a = 1) = TRUE)",
        "a BETWEEN 1 AND 2 AND b = 1     | ((a BETWEEN 1 AND 2) AND (b = 1))",
        "a IS NULL OR b IS NOT NULL      | ((a IS NULL) OR (b IS NOT NULL))",
        "-a > -5                         | ((-a) > (-5))",
        "+5 = a                          | (5 = a)",
        "- -5 = a                        | ((-(-5)) = a)",
    })
    void precedenceAndAssociativity(String expression, String expected) throws FilterException {
        assertEquals(expected, tree(expression));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "a = 1                     | (a = 1)",
        "a <> 1                    | (a <> 1)",
        "a > 1                     | (a > 1)",
        "a >= 1                    | (a >= 1)",
        "a < 1                     | (a < 1)",
        "a <= 1                    | (a <= 1)",
        "a BETWEEN 1 AND 9         | (a BETWEEN 1 AND 9)",
        "a NOT BETWEEN 1 AND 9     | (a NOT BETWEEN 1 AND 9)",
        "a IN ('x')                | (a IN ('x'))",
        "a IN ('x', 'y','z')       | (a IN ('x', 'y', 'z'))",
        "a NOT IN ('x','y')        | (a NOT IN ('x', 'y'))",
        "a IS NULL                 | (a IS NULL)",
        "a IS NOT NULL             | (a IS NOT NULL)",
        "a AND b                   | (a AND b)",
        "a OR b                    | (a OR b)",
        "NOT a                     | (NOT a)",
        "a>=1AND b<=2              | ((a >= 1) AND (b <= 2))",
        "a<>'x'                    | (a <> 'x')",
    })
    void everyOperator(String expression, String expected) throws FilterException {
        assertEquals(expected, tree(expression));
    }

    @Test
    void operatorNodesCarryTheirParts() throws FilterException {
        Comparison ge = (Comparison) Sql92Parser.parse("price >= 10");
        assertEquals(CompareOp.GE, ge.op());
        assertEquals("price", ((Property) ge.left()).name());
        assertEquals(7, ge.column());

        Between between = (Between) Sql92Parser.parse("a NOT BETWEEN 1 AND 2");
        assertEquals(true, between.negated());
        assertEquals(1L, ((LongLiteral) between.low()).value());
        assertEquals(2L, ((LongLiteral) between.high()).value());

        In in = (In) Sql92Parser.parse("a IN ('x', 'it''s', '')");
        assertEquals(List.of("x", "it's", ""), in.items());
        assertEquals(false, in.negated());

        IsNull isNull = (IsNull) Sql92Parser.parse("a IS NOT NULL");
        assertEquals(true, isNull.negated());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "a = 0                          | 0",
        "a = 42                         | 42",
        "a = 42L                        | 42",
        "a = 42l                        | 42",
        "a = 9223372036854775807        | 9223372036854775807",
    })
    void integerLiterals(String expression, long expected) throws FilterException {
        assertEquals(expected, assertInstanceOf(LongLiteral.class, rightOf(expression)).value());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "a = 1.5       | 1.5",
        "a = 1.        | 1.0",
        "a = .5        | 0.5",
        "a = 00.25     | 0.25",
        "a = 1e3       | 1000.0",
        "a = 1E3       | 1000.0",
        "a = 1.5E-2    | 0.015",
        "a = 2e+2      | 200.0",
        "a = .5e1      | 5.0",
    })
    void decimalLiterals(String expression, double expected) throws FilterException {
        assertEquals(expected, assertInstanceOf(DoubleLiteral.class, rightOf(expression)).value());
    }

    @Test
    void stringBooleanAndNullLiterals() throws FilterException {
        assertEquals("it's", assertInstanceOf(StringLiteral.class, rightOf("a = 'it''s'")).value());
        assertEquals("", assertInstanceOf(StringLiteral.class, rightOf("a = ''")).value());
        assertEquals("''''", assertInstanceOf(StringLiteral.class, rightOf("a = ''''''''''")).value());
        assertEquals("x -- not a comment /* */", ((StringLiteral) rightOf("a = 'x -- not a comment /* */'")).value());
        assertEquals("line\nbreak", ((StringLiteral) rightOf("a = 'line\nbreak'")).value());
        assertEquals(true, assertInstanceOf(BooleanLiteral.class, rightOf("a = TRUE")).value());
        assertEquals(true, assertInstanceOf(BooleanLiteral.class, rightOf("a = true")).value());
        assertEquals(false, assertInstanceOf(BooleanLiteral.class, rightOf("a = False")).value());
        assertInstanceOf(NullLiteral.class, Sql92Parser.parse("NULL"));
        assertEquals("(-9223372036854775807)", rightOf("a = -9223372036854775807").toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "_a$1 = 1      | _a$1",
        "$x = 1        | $x",
        "Region = 1    | Region",
        "notx = 1      | notx",
        "ANDY = 1      | ANDY",
        "in2 = 1       | in2",
        "TAGS = 1      | TAGS",
    })
    void identifiers(String expression, String name) throws FilterException {
        assertEquals(name, ((Property) ((Comparison) Sql92Parser.parse(expression)).left()).name());
    }

    @Test
    void keywordsIgnoreCaseAndBlanksAndCommentsAreSkipped() throws FilterException {
        assertEquals("(((a = 1) AND (b = 2)) OR (NOT (c IS NULL)))", tree("a = 1 and b = 2 Or NOT (c Is nUlL)"));
        assertEquals("(a = 1)", tree("a = 1 -- trailing comment"));
        assertEquals("((a = 1) AND (b = 2))", tree("a = 1 -- first\n AND b = 2"));
        assertEquals("(a = 1)", tree("a /* block * comment */ = 1"));
        assertEquals("((a = 1) AND (b = 2))", tree("\ta = 1\r\n\fAND\nb = 2 "));
        assertEquals("(a BETWEEN 1 AND 2)", tree("a between 1 and 2"));
        assertEquals("(a NOT IN ('x'))", tree("a not in ('x')"));
    }

    /** 4.9.7 needs a line end to close a {@code --} comment; without one the dashes are two minus signs. */
    @Test
    void lineCommentsNeedALineEnd() throws FilterException {
        assertEquals("(a = (-(-c)))", tree("a = -- c"));
        assertEquals("(a = 1)", tree("a = -- c\n1"));
    }

    /**
     * As in 4.9.7, parsing ends with the first complete expression: what the grammar cannot continue with is not
     * read, so 4.9.7 accepts (and ignores) it. {@code 012} is the integer 0 followed by 12, {@code 0L} is 0
     * followed by the identifier L.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "a = 1 b = 2                 | (a = 1)",
        "a = 1 )                     | (a = 1)",
        "(a = 1)) OR b               | (a = 1)",
        "a + 1                       | a",
        "a LIKE 'x%'                 | a",
        "a = 012                     | (a = 0)",
        "a = 0L                      | (a = 0)",
        "a > 0L AND b = 1            | (a > 0)",
        "a = 1 ) #                   | (a = 1)",
        "a = 1 0.0                   | (a = 1)",
    })
    void textAfterACompleteExpressionIsNotRead(String expression, String expected) throws FilterException {
        assertEquals(expected, tree(expression));
    }
}
