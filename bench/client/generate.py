#!/usr/bin/env python3
"""The client benchmark's data: N installed packages (an rpm -qa --qf list and the same as NEVRAs) and an
updateinfo.xml of A advisories with P packages each, about 30 % of them naming an installed package (older or
newer than it), the rest other packages; and the same advisories as Paddock's JSON API answers them
(advisories.json, one module build each: bench:1, for serve.py). Fixed seed: every run makes the same files."""
import json
import random
import sys

def main(out, advisories, installed, per):
    rnd = random.Random(46)
    names = ["pkg%05d" % i for i in range(installed)]
    with open(out + "/installed.rpmqa", "w") as qa, open(out + "/installed.nevra", "w") as nevra:
        for n in names:
            v = "1.%d" % rnd.randint(0, 20)
            qa.write("%s|(none)|%s|1.fc45|x86_64|(none)\n" % (n, v))
            nevra.write("%s-%s-1.fc45.x86_64\n" % (n, v))
    api = []
    with open(out + "/updateinfo.xml", "w") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<updates>\n')
        for a in range(advisories):
            typ = rnd.choice(["security", "bugfix", "enhancement"])
            sev = rnd.choice(["Low", "Moderate", "Important", "Critical"])
            f.write('<update from="bench@paddock" status="stable" type="%s" version="2.0"><id>BENCH-2026-%06d</id>'
                    '<title>bench %d</title><issued date="2026-01-01 00:00:00"/><updated date="2026-01-02 00:00:00"/>'
                    '<severity>%s</severity><summary>s</summary><description>d</description><references>'
                    '<reference href="https://www.cve.org/CVERecord?id=CVE-2026-%06d" id="CVE-2026-%06d" type="cve"'
                    ' title="CVE-2026-%06d"/></references><pkglist><collection short="F45"><name>F45</name>'
                    % (typ, a, a, sev, a, a, a))
            packages = []
            for _ in range(per):
                n = rnd.choice(names) if rnd.random() < 0.3 else "other%d" % rnd.randint(0, 10 ** 6)
                v = "1.%d" % rnd.randint(0, 20)
                f.write('<package name="%s" version="%s" release="1.fc45" epoch="0" arch="x86_64" src="%s.src.rpm">'
                        '<filename>%s.rpm</filename></package>' % (n, v, n, n))
                packages.append({"kind": "rpm", "name": n, "evr": "0:%s-1.fc45" % v, "arch": "x86_64"})
            f.write('</collection></pkglist></update>\n')
            api.append({"id": "BENCH-2026-%06d" % a, "type": typ, "severity": sev.lower(), "title": "bench %d" % a,
                        "issued": "2026-01-01T00:00:00Z", "updated": "2026-01-02T00:00:%02dZ" % (a % 60),
                        "url": "https://paddock.example/updates/BENCH-2026-%06d" % a,
                        "references": [{"kind": "cve", "id": "CVE-2026-%06d" % a,
                                        "url": "https://www.cve.org/CVERecord?id=CVE-2026-%06d" % a, "fixedIn": []}],
                        "modules": [{"nsvca": "bench:1:4520260101%06d:b1b2b3b4:x86_64" % a, "packages": packages}]})
        f.write('</updates>\n')
    with open(out + "/advisories.json", "w") as f:
        json.dump({"advisories": api, "next": None}, f, separators=(",", ":"))

if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]))
