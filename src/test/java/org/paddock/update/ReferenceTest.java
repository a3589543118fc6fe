package org.paddock.update;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ReferenceTest {

    private static final String BZ = "https://bugzilla.redhat.com/show_bug.cgi?id=";

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            cve      | CVE-2026-1234        | CVE-2026-1234  | https://www.cve.org/CVERecord?id=CVE-2026-1234
            CVE      | cve-2021-44228       | CVE-2021-44228 | https://www.cve.org/CVERecord?id=CVE-2021-44228
            cve      | CVE-2026-1234567     | CVE-2026-1234567 | https://www.cve.org/CVERecord?id=CVE-2026-1234567
            bugzilla | 2291234              | 2291234        | https://bugzilla.redhat.com/show_bug.cgi?id=2291234
            bugzilla | #42                  | 42             | https://bugzilla.redhat.com/show_bug.cgi?id=42
            url      | https://nginx.org/en/security_advisories.html | https://nginx.org/en/security_advisories.html | https://nginx.org/en/security_advisories.html
            """)
    void acceptsAndNormalises(String kind, String id, String expectedId, String expectedUrl) {
        Reference r = Reference.check("references[0]", kind, id, "t", BZ).reference().orElseThrow();
        assertThat(r.id()).isEqualTo(expectedId);
        assertThat(r.url()).isEqualTo(expectedUrl);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            cve      | CVE-26-1234          | references[0].id   | 'CVE-26-1234' is not a CVE id: expected CVE-YYYY-NNNN (four to nineteen digits)
            cve      | CVE-2026-123         | references[0].id   | 'CVE-2026-123' is not a CVE id: expected CVE-YYYY-NNNN (four to nineteen digits)
            cve      | CVE-2026-1234 x      | references[0].id   | 'CVE-2026-1234 x' is not a CVE id: expected CVE-YYYY-NNNN (four to nineteen digits)
            cve      | CVE-2026-12345678901234567890 | references[0].id | 'CVE-2026-12345678901234567890' is not a CVE id: expected CVE-YYYY-NNNN (four to nineteen digits)
            bugzilla | rhbz#12              | references[0].id   | 'rhbz#12' is not a Bugzilla bug number
            url      | javascript:alert(1)  | references[0].id   | 'javascript:alert(1)' is not an http(s) URL
            url      | ftp://example.org/x  | references[0].id   | 'ftp://example.org/x' is not an http(s) URL
            jira     | ABC-1                | references[0].kind | reference kind must be one of cve, bugzilla, url, not 'jira'
            """)
    void refusesWithTheFieldAndReason(String kind, String id, String field, String reason) {
        var error = Reference.check("references[0]", kind, id, "", BZ).error().orElseThrow();
        assertThat(error.field()).isEqualTo(field);
        assertThat(error.reason()).isEqualTo(reason);
    }
}
