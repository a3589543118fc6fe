package org.paddock.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Python's fnmatch.fnmatchcase answers, one per row. */
class GlobTest {

    @ParameterizedTest(name = "''{0}'' vs ''{1}'' -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            fedora-*            | fedora-26               | true
            fedora-*            | fedora-                 | true
            fedora-*            | fedora                  | false
            fedora-*            | epel-8                  | false
            F45                 | F45                     | true
            F45                 | f45                     | false
            F4?                 | F45                     | true
            F4?                 | F4                      | false
            F4?                 | F450                    | false
            *                   | ''                      | true
            *                   | a/b.c                   | true
            module-build*       | module-build-nginx      | true
            net*                | nethack                 | true
            nethack             | nethack-devel           | false
            *-devel             | nethack-devel           | true
            *a*b*c              | xxaxxbxxc               | true
            *a*b*c              | xxaxxbxxcx              | false
            nginx:1.*           | nginx:1.24              | true
            nginx:1.*           | nginx:2.0               | false
            [abc]x              | bx                      | true
            [abc]x              | dx                      | false
            [a-c]x              | cx                      | true
            [!a-c]x             | dx                      | true
            [!a-c]x             | ax                      | false
            []]                 | ]                       | true
            [!]]                | a                       | true
            [!]]                | ]                       | false
            [z-a]               | m                       | false
            [-a]                | -                       | true
            [a-]                | -                       | true
            a.b                 | axb                     | false
            a+b                 | a+b                     | true
            '(x)|y'             | '(x)|y'                 | true
            \\d                 | \\d                     | true
            java-1.8.0-*        | java-1.8.0-openjdk      | true
            """)
    void matchesLikeFnmatch(String glob, String text, boolean expected) {
        assertThat(Glob.matches(glob, text)).isEqualTo(expected);
        assertThat(Glob.problem(glob)).isEmpty();
    }

    @ParameterizedTest(name = "''{0}'' {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            ''            | is empty
            'fedora 26'   | contains whitespace or a control character at position 7
            'a\tb'        | contains whitespace or a control character at position 2
            fedora-[      | has an unclosed '[' at position 8 (write [[] for a literal '[')
            [!]           | has an unclosed '[' at position 1 (write [[] for a literal '[')
            """)
    void refusesMistakes(String glob, String problem) {
        String g = glob == null ? "" : glob.replace("\\t", "\t");
        assertThat(Glob.problem(g)).contains(problem);
    }

    @ParameterizedTest
    @CsvSource({"'[[]', '['", "'x[[]y', 'x[y'"})
    void literalBracket(String glob, String text) {
        assertThat(Glob.matches(glob, text)).isTrue();
        assertThat(Glob.problem(glob)).isEmpty();
    }
}
