package org.paddock.platform;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownTest {

    @Test
    void rendersMarkdown() {
        assertThat(Markdown.toSafeHtml("Fixes **CVE-2026-1**, see https://nginx.org"))
                .contains("<strong>CVE-2026-1</strong>").contains("href=\"https://nginx.org\"");
    }

    @Test
    void scriptAndRawHtmlStayInert() {
        String html = Markdown.toSafeHtml("<script>alert(1)</script> <img src=x onerror=alert(2)> [x](javascript:alert(3)) [y](<javascript:alert(4)>)");
        assertThat(html).doesNotContain("<script").doesNotContain("<img").doesNotContain("href=\"javascript")
                .doesNotContain("onerror=alert");
        assertThat(html).contains("&lt;script&gt;");
    }
}
