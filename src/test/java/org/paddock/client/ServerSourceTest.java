package org.paddock.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** An advisory of Paddock's JSON API as the client reads it: which package fixes which CVE, and each kind's name. */
class ServerSourceTest {

    @Test
    void eachPackageFixesTheCvesThatNameItAndThoseThatNameNone() throws Exception {
        Advisory a = ServerSource.advisory(new ObjectMapper().readTree("""
                {"id": "FEDORA-2026-7", "type": "security", "severity": "important", "title": "ruby",
                 "url": "https://paddock.example/updates/FEDORA-2026-7",
                 "references": [
                   {"kind": "cve", "id": "CVE-2026-1001", "url": "https://www.cve.org/CVERecord?id=CVE-2026-1001", "fixedIn": ["rack"]},
                   {"kind": "cve", "id": "CVE-2026-1002", "url": "https://www.cve.org/CVERecord?id=CVE-2026-1002", "fixedIn": []},
                   {"kind": "bugzilla", "id": "2301", "url": "https://bugzilla.example/2301", "fixedIn": []}],
                 "modules": [{"nsvca": "ruby:3.3:4520261101000000:a1b2c3d4:x86_64", "packages": [
                   {"kind": "rpm", "name": "ruby", "evr": "0:3.3.6-1.module_f45", "arch": "x86_64",
                    "purl": "pkg:rpm/fedora/ruby@3.3.6-1.module_f45?arch=x86_64"},
                   {"kind": "gem", "name": "rack", "version": "3.1.8", "purl": "pkg:gem/rack@3.1.8"},
                   {"kind": "maven", "name": "org.jruby/jruby-stdlib", "version": "9.4.9.0",
                    "purl": "pkg:maven/org.jruby/jruby-stdlib@9.4.9.0"}]}]}
                """));
        List<Advisory.Fix> fixes = a.collections().get(0).packages();
        assertThat(fixes).extracting(Advisory.Fix::name).containsExactly("ruby", "rack", "org.jruby:jruby-stdlib");
        assertThat(fixes).extracting(a::cvesFixedBy).containsExactly(
                List.of("CVE-2026-1002"), List.of("CVE-2026-1002", "CVE-2026-1001"), List.of("CVE-2026-1002"));
        assertThat(a.cvesPerPackage()).isTrue();
        assertThat(a.collections().get(0).module().nameStream()).isEqualTo("ruby:3.3");
    }
}
