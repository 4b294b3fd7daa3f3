#!/usr/bin/env python3
"""Scores SAST results on NIST Juliet Java, per CWE category.

A test case is one Juliet case (its files a/b/c/... and _bad/_good* classes together). A case counts as a true
positive when a finding of the category's rule lies in a bad method (bad*, or any method of a *_bad class), and as a
false positive when one lies in a good method (good*, or a *_good* class). Only findings whose rule belongs to the
category of the file's CWE directory count; TPR = detected cases / cases, FPR = cases with a false alarm / cases.

Inputs: our report.json (--ours) and/or a SpotBugs XML report (--spotbugs); --root is the Juliet checkout.
"""
import argparse, collections, json, os, re, sys
import xml.etree.ElementTree as ET

CATEGORIES = [
    ("CWE-89 SQL injection", ["CWE89_"], {"sql-injection"},
     {"SQL_INJECTION_JDBC", "SQL_INJECTION", "SQL_NONCONSTANT_STRING_PASSED_TO_EXECUTE",
      "SQL_PREPARED_STATEMENT_GENERATED_FROM_NONCONSTANT_STRING", "SQL_INJECTION_SPRING_JDBC"}),
    ("CWE-78 OS command injection", ["CWE78_"], {"command-injection"}, {"COMMAND_INJECTION"}),
    ("CWE-90 LDAP injection", ["CWE90_"], {"ldap-injection"}, {"LDAP_INJECTION"}),
    ("CWE-643 XPath injection", ["CWE643_"], {"xpath-injection"}, {"XPATH_INJECTION"}),
    ("CWE-79 XSS (80/81/83)", ["CWE80_", "CWE81_", "CWE83_"], {"cross-site-scripting"},
     {"XSS_SERVLET", "XSS_REQUEST_WRAPPER", "XSS_JSP_PRINT", "XSS_REQUEST_PARAMETER_TO_SERVLET_WRITER",
      "XSS_REQUEST_PARAMETER_TO_SEND_ERROR"}),
    ("CWE-22 path traversal (23/36)", ["CWE23_", "CWE36_"], {"path-traversal"},
     {"PATH_TRAVERSAL_IN", "PATH_TRAVERSAL_OUT", "PATH_RELATIVE_PATH_TRAVERSAL", "PATH_ABSOLUTE_PATH_TRAVERSAL"}),
    ("CWE-330/338 weak random", ["CWE338_", "CWE330_"], {"weak-random"}, {"PREDICTABLE_RANDOM",
                                                                       "DMI_RANDOM_USED_ONLY_ONCE"}),
    ("CWE-327 weak cipher", ["CWE327_"], {"weak-cipher"}, {"DES_USAGE", "TDES_USAGE", "ECB_MODE",
                                                           "CIPHER_INTEGRITY", "BLOWFISH_KEY_SIZE", "NULL_CIPHER"}),
    ("CWE-328 weak hash", ["CWE328_"], {"weak-hash"}, {"WEAK_MESSAGE_DIGEST_MD5", "WEAK_MESSAGE_DIGEST_SHA1"}),
    ("CWE-501 trust boundary", ["CWE501_"], {"trust-boundary-violation"}, {"TRUST_BOUNDARY_VIOLATION"}),
    ("CWE-614 insecure cookie", ["CWE614_"], {"insecure-cookie"}, {"INSECURE_COOKIE"}),
]

CASE = re.compile(r"^(CWE\d+_.*?_\d+)(?:[a-e]|_bad|_good\w*|_base)?$")


def case_of(file_name):
    stem = os.path.splitext(os.path.basename(file_name))[0]
    m = CASE.match(stem)
    return m.group(1) if m else None


def category_of(case):
    for index, (_, prefixes, _, _) in enumerate(CATEGORIES):
        if any(case.startswith(p) for p in prefixes):
            return index
    return None


def side(class_name, method):
    method = method or ""
    if method.startswith("bad"):
        return "bad"
    if method.startswith("good"):
        return "good"
    simple = class_name.split(".")[-1].split("$")[0]
    if simple.endswith("_bad"):
        return "bad"
    if re.search(r"_good\w*$", simple):
        return "good"
    return None


def all_cases(root):
    cases = collections.defaultdict(set)
    for directory, _, files in os.walk(os.path.join(root, "src", "testcases")):
        for f in files:
            if f.endswith(".java"):
                c = case_of(f)
                if c is not None and category_of(c) is not None:
                    cases[category_of(c)].add(c)
    return cases


def ours(report_path):
    hits = []  # (case, side, rule)
    unclassified = 0
    for finding in json.load(open(report_path))["findings"]:
        path = finding["location"]["path"]
        case = case_of(path)
        if case is None:
            continue
        method = finding.get("properties", {}).get("method", "")
        owner, _, name = method.rpartition(".")
        s = side(owner or os.path.basename(path), name)
        if s is None:
            s = side(os.path.splitext(os.path.basename(path))[0], "")
        if s is None:
            unclassified += 1
            continue
        hits.append((case, s, finding["ruleId"]))
    return hits, unclassified


def spotbugs(xml_path):
    hits = []
    unclassified = 0
    for bug in ET.parse(xml_path).getroot().iter("BugInstance"):
        cls = bug.find("Class")
        method = bug.find("Method")
        source = bug.find("SourceLine")
        class_name = cls.get("classname") if cls is not None else ""
        case = case_of(class_name.split(".")[-1].split("$")[0])
        if case is None:
            continue
        s = side(class_name, method.get("name") if method is not None else "")
        if s is None:
            unclassified += 1
            continue
        hits.append((case, s, bug.get("type")))
    return hits, unclassified


def score(cases, hits, rule_set_index):
    rows = []
    detected = collections.defaultdict(set)
    alarms = collections.defaultdict(set)
    for case, s, rule in hits:
        c = category_of(case)
        if c is None or rule not in CATEGORIES[c][rule_set_index]:
            continue
        (detected if s == "bad" else alarms)[c].add(case)
    for index, (name, _, _, _) in enumerate(CATEGORIES):
        total = len(cases.get(index, ()))
        if total == 0:
            rows.append((name, 0, None, None))
            continue
        tpr = len(detected[index] & cases[index]) / total
        fpr = len(alarms[index] & cases[index]) / total
        rows.append((name, total, tpr, fpr))
    return rows


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--root", required=True)
    parser.add_argument("--ours")
    parser.add_argument("--spotbugs")
    args = parser.parse_args()
    cases = all_cases(args.root)
    tables = []
    if args.ours:
        hits, unclassified = ours(args.ours)
        tables.append(("devsecops sast", score(cases, hits, 2), unclassified))
    if args.spotbugs:
        hits, unclassified = spotbugs(args.spotbugs)
        tables.append(("FindSecBugs", score(cases, hits, 3), unclassified))
    header = f"{'category':32} {'cases':>6}" + "".join(f" {t[0][:14]:>14} TPR {'FPR':>5} {'T-F':>6}" for t in tables)
    print(header)
    for i in range(len(CATEGORIES)):
        name, total = tables[0][1][i][0], tables[0][1][i][1]
        line = f"{name:32} {total:>6}"
        for _, rows, _ in tables:
            _, _, tpr, fpr = rows[i]
            line += f" {'':>14} {'n/a':>3} {'n/a':>5} {'':>6}" if tpr is None else \
                f" {'':>14} {tpr*100:3.0f} {fpr*100:5.1f} {(tpr-fpr)*100:6.1f}"
        print(line)
    for name, rows, unclassified in tables:
        scored = [r for r in rows if r[2] is not None]
        tpr = sum(r[2] for r in scored) / len(scored)
        fpr = sum(r[3] for r in scored) / len(scored)
        print(f"{name}: mean over {len(scored)} categories present: TPR {tpr*100:.1f} % FPR {fpr*100:.1f} % "
              f"TPR-FPR {(tpr-fpr)*100:.1f} % (unclassified findings: {unclassified})")


if __name__ == "__main__":
    main()
