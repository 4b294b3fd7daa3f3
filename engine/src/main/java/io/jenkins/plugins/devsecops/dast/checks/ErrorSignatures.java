package io.jenkins.plugins.devsecops.dast.checks;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Error messages of databases, LDAP servers and XPath engines, which prove that input broke a query's syntax. */
enum ErrorSignatures {
    SQL(DastRule.SQLI_ERROR, List.of(
            "You have an error in your SQL syntax", "mysqli?_(?:fetch|num_rows|query|sql_exception)", "MySqlException",
            "check the manual that (?:corresponds to|fits) your (?:MySQL|MariaDB) server version",
            "Warning: mysql_", "valid MySQL result", "MySqlClient\\.", "com\\.mysql\\.jdbc", "SQLSTATE\\[\\w+\\]",
            "PostgreSQL.{0,20}ERROR", "pg_query\\(\\)", "PSQLException", "org\\.postgresql\\.util",
            "unterminated quoted string at or near", "syntax error at or near",
            "ORA-\\d{5}", "Oracle error", "quoted string not properly terminated",
            "Microsoft OLE DB Provider for (?:SQL Server|ODBC)", "\\[SQL Server\\]", "Unclosed quotation mark after the character string",
            "SqlException", "System\\.Data\\.SqlClient", "Incorrect syntax near",
            "SQLite(?:3)?::(?:SQLException|query)", "sqlite3\\.OperationalError", "SQLITE_ERROR", "near \"[^\"]{0,40}\": syntax error",
            "org\\.hsqldb\\.", "org\\.h2\\.jdbc", "Syntax error in SQL statement", "unexpected token: .{0,40} in statement",
            "java\\.sql\\.SQLSyntaxErrorException", "java\\.sql\\.SQLException", "DB2 SQL error", "SQLCODE=-\\d+",
            "Dynamic SQL Error", "Sybase message", "Npgsql\\.")),
    LDAP(DastRule.LDAP_INJECTION, List.of(
            "javax\\.naming\\.directory\\.InvalidSearchFilterException", "Bad search filter", "ldap_search\\(\\)",
            "LDAPException", "com\\.sun\\.jndi\\.ldap", "Invalid DN syntax", "supplied argument is not a valid ldap",
            "Protocol error occurred", "IPWorksASP\\.LDAP", "Search: Bad search filter", "ldap_(?:bind|search)\\b.{0,40}(?:error|failed)")),
    XPATH(DastRule.XPATH_INJECTION, List.of(
            "XPathException", "javax\\.xml\\.xpath\\.XPathExpressionException", "SimpleXMLElement::xpath\\(\\)",
            "xmlXPathEval:", "XPATH syntax error", "Expression must evaluate to a node-set", "System\\.Xml\\.XPath",
            "org\\.apache\\.xpath\\.", "Invalid predicate", "DOMXPath::(?:query|evaluate)\\(\\)", "lxml\\.etree\\.XPathEvalError",
            "Unterminated string literal", "net\\.sf\\.saxon\\.trans\\.XPathException"));

    private final DastRule rule;
    private final Pattern pattern;

    ErrorSignatures(DastRule rule, List<String> patterns) {
        this.rule = rule;
        this.pattern = Pattern.compile("(?i)" + String.join("|", patterns));
    }

    DastRule rule() {
        return rule;
    }

    /** The first error message in {@code body}, as start and end offsets, or empty. */
    Optional<int[]> find(String body) {
        Matcher matcher = pattern.matcher(body);
        return matcher.find() ? Optional.of(new int[] {matcher.start(), matcher.end()}) : Optional.empty();
    }
}
