package org.redress.sandbox.jira;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The subset of JQL the gateway uses: AND-joined clauses and an optional ORDER BY. Anything
 * outside the subset is a 400 "Error in the JQL Query" rather than a guess, because a sandbox that
 * silently returned the wrong issues would let a broken query pass every test. Values that name
 * things that do not exist (projects, statuses, issue keys) fail with Jira's own messages.
 */
final class JqlQuery {

    /** What JQL values are checked against. */
    interface Catalog {
        SandboxProject project(String keyIdOrName);

        StoredIssue issue(String keyOrId);
    }

    private static final String RESERVED_CHARS = "+.;?|*/%^$#@[]";
    private static final Pattern PROPERTY_FIELD =
            Pattern.compile("issue\\.property\\[([^\\]]+)\\](?:\\.(.+))?", Pattern.CASE_INSENSITIVE);
    private static final Pattern RELATIVE = Pattern.compile("([-+]?)(\\d+)([wdhm])");
    private static final List<DateTimeFormatter> DATE_TIMES = List.of(
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"), DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm"));
    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("yyyy-MM-dd"), DateTimeFormatter.ofPattern("yyyy/MM/dd"));
    private static final Comparator<StoredIssue> BY_ID = Comparator.comparingLong(i -> i.id);
    private static final Comparator<StoredIssue> DEFAULT_ORDER =
            Comparator.<StoredIssue>comparingLong(i -> i.created).thenComparing(BY_ID).reversed();

    private final List<Predicate<StoredIssue>> clauses;
    private final Comparator<StoredIssue> order;
    private final TrigramSketch wantedText;

    private JqlQuery(List<Predicate<StoredIssue>> clauses, Comparator<StoredIssue> order, TrigramSketch wantedText) {
        this.clauses = clauses;
        this.order = order;
        this.wantedText = wantedText;
    }

    /**
     * Parses and checks a query. Without ORDER BY, results come newest first (created DESC).
     *
     * @throws JiraErrors.Failure 400 with Jira's error body for anything unsupported or invalid
     */
    static JqlQuery parse(String jql, Catalog catalog, long nowMillis) {
        return new Parser(jql == null ? "" : jql, catalog, nowMillis).query();
    }

    boolean matches(StoredIssue issue) {
        for (Predicate<StoredIssue> clause : clauses) {
            if (!clause.test(issue)) {
                return false;
            }
        }
        return true;
    }

    /**
     * What the summary and description of every matching issue hold together (its {@code ~} clauses' words), so that
     * a search need only look at the issues {@link TextIndex} names; null when the query has no such clause.
     */
    TrigramSketch wantedText() {
        return wantedText;
    }

    Comparator<StoredIssue> order() {
        return order;
    }

    static JiraErrors.Failure error(String detail, int position) {
        return JiraErrors.messages(400, "Error in the JQL Query: " + detail + " (line 1, character " + (position + 1) + ")");
    }

    private record Value(String text, boolean quoted, int position) {
    }

    private static final class Parser {
        private final List<JqlLexer.Token> tokens;
        private final Catalog catalog;
        private final long now;
        private int pos;
        private TrigramSketch wantedText;

        Parser(String jql, Catalog catalog, long now) {
            this.tokens = JqlLexer.tokenize(jql);
            this.catalog = catalog;
            this.now = now;
        }

        private JqlLexer.Token peek() {
            return tokens.get(pos);
        }

        private JqlLexer.Token next() {
            return tokens.get(pos++);
        }

        JqlQuery query() {
            List<Predicate<StoredIssue>> clauses = new ArrayList<>();
            Comparator<StoredIssue> order = DEFAULT_ORDER;
            if (peek().kind() != JqlLexer.Kind.END && !peek().isWord("order")) {
                clauses.add(clause());
                while (true) {
                    JqlLexer.Token t = peek();
                    if (t.kind() == JqlLexer.Kind.END || t.isWord("order")) {
                        break;
                    }
                    if (t.isWord("and") || t.isWord("&&")) {
                        next();
                        clauses.add(clause());
                    } else if (t.isWord("or") || t.isWord("||")) {
                        throw error("the Redress Jira sandbox supports only AND between clauses, not 'OR'", t.position());
                    } else {
                        throw error("Expecting either 'OR' or 'AND' but got " + t.describe() + ".", t.position());
                    }
                }
            }
            if (peek().isWord("order")) {
                order = orderBy();
            }
            if (peek().kind() != JqlLexer.Kind.END) {
                throw error("Unexpected " + peek().describe() + ".", peek().position());
            }
            if (clauses.isEmpty()) {
                throw JiraErrors.messages(400,
                        "Unbounded JQL queries are not allowed here. Please add a search restriction to your query.");
            }
            return new JqlQuery(List.copyOf(clauses), order, wantedText);
        }

        private Comparator<StoredIssue> orderBy() {
            next();
            JqlLexer.Token by = next();
            if (!by.isWord("by")) {
                throw error("Expecting 'BY' after 'ORDER' but got " + by.describe() + ".", by.position());
            }
            Comparator<StoredIssue> order = null;
            do {
                JqlLexer.Token field = next();
                Comparator<StoredIssue> key = switch (field.kind() == JqlLexer.Kind.END ? "" : field.text().toLowerCase(Locale.ROOT)) {
                    case "created", "createddate" -> Comparator.comparingLong(i -> i.created);
                    case "updated", "updateddate" -> Comparator.comparingLong(i -> i.updated);
                    case "key", "issuekey" -> Comparator.<StoredIssue, String>comparing(i -> i.projectKey)
                            .thenComparingLong(i -> issueNumber(i.key));
                    case "id" -> BY_ID;
                    default -> throw error("the Redress Jira sandbox can ORDER BY only created, updated, key or id, not "
                            + field.describe() + ".", field.position());
                };
                if (peek().isWord("desc")) {
                    next();
                    key = key.reversed();
                } else if (peek().isWord("asc")) {
                    next();
                }
                order = order == null ? key : order.thenComparing(key);
                if (peek().kind() != JqlLexer.Kind.COMMA) {
                    break;
                }
                next();
            } while (true);
            return order.thenComparing(BY_ID);
        }

        private Predicate<StoredIssue> clause() {
            JqlLexer.Token field = next();
            if (field.kind() == JqlLexer.Kind.LPAREN) {
                throw error("the Redress Jira sandbox does not support parentheses around clauses", field.position());
            }
            if (field.isWord("not")) {
                throw error("the Redress Jira sandbox does not support 'NOT' before a clause", field.position());
            }
            if (field.kind() != JqlLexer.Kind.WORD && field.kind() != JqlLexer.Kind.STRING) {
                throw error("Expecting a field name but got " + field.describe() + ".", field.position());
            }
            JqlLexer.Token opToken = next();
            String op = operator(opToken);
            List<Value> values = values(op);
            return build(field, op, opToken.position(), values);
        }

        private String operator(JqlLexer.Token t) {
            if (t.kind() == JqlLexer.Kind.OPERATOR) {
                return t.text();
            }
            if (t.isWord("in")) {
                return "in";
            }
            if (t.isWord("not")) {
                JqlLexer.Token in = next();
                if (!in.isWord("in")) {
                    throw error("Expecting 'IN' after 'NOT' but got " + in.describe() + ".", in.position());
                }
                return "not in";
            }
            if (t.isWord("is")) {
                if (peek().isWord("not")) {
                    next();
                    return "is not";
                }
                return "is";
            }
            if (t.isWord("was") || t.isWord("changed")) {
                throw error("the Redress Jira sandbox does not support history operators such as '" + t.text() + "'", t.position());
            }
            throw error("Expecting operator but got " + t.describe() + ".", t.position());
        }

        private List<Value> values(String op) {
            List<Value> values = new ArrayList<>();
            switch (op) {
                case "in", "not in" -> {
                    JqlLexer.Token open = next();
                    if (open.kind() != JqlLexer.Kind.LPAREN) {
                        throw error("Expecting '(' but got " + open.describe() + ".", open.position());
                    }
                    values.add(value());
                    while (peek().kind() == JqlLexer.Kind.COMMA) {
                        next();
                        values.add(value());
                    }
                    JqlLexer.Token close = next();
                    if (close.kind() != JqlLexer.Kind.RPAREN) {
                        throw error("Expecting ')' but got " + close.describe() + ".", close.position());
                    }
                }
                case "is", "is not" -> {
                    JqlLexer.Token empty = next();
                    if (!empty.isWord("empty") && !empty.isWord("null")) {
                        throw error("Expecting 'EMPTY' or 'NULL' after 'IS' but got " + empty.describe() + ".", empty.position());
                    }
                }
                default -> values.add(value());
            }
            return values;
        }

        private Value value() {
            JqlLexer.Token t = next();
            if (t.kind() == JqlLexer.Kind.STRING) {
                return new Value(t.text(), true, t.position());
            }
            if (t.kind() != JqlLexer.Kind.WORD) {
                throw error("Expecting either a value, list or function but got " + t.describe() + ".", t.position());
            }
            if (peek().kind() == JqlLexer.Kind.LPAREN) {
                throw error("the Redress Jira sandbox does not support JQL functions such as '" + t.text() + "()'", t.position());
            }
            for (int i = 0; i < t.text().length(); i++) {
                char c = t.text().charAt(i);
                if (RESERVED_CHARS.indexOf(c) >= 0) {
                    throw error("The character '" + c + "' is a reserved JQL character. You must enclose it in a string or use the escape '\\u"
                            + String.format("%04x", (int) c) + "' instead.", t.position() + i);
                }
            }
            return new Value(t.text(), false, t.position());
        }

        private Predicate<StoredIssue> build(JqlLexer.Token fieldToken, String op, int opPosition, List<Value> values) {
            String field = fieldToken.text().toLowerCase(Locale.ROOT);
            Matcher property = PROPERTY_FIELD.matcher(fieldToken.text());
            if (property.matches()) {
                requireOperator(op, opPosition, fieldToken.text(), "=", "!=", "in", "not in", "is", "is not");
                return propertyClause(property.group(1), property.group(2), op, values);
            }
            switch (field) {
                case "project" -> {
                    requireOperator(op, opPosition, field, "=", "!=", "in", "not in");
                    Set<String> keys = new HashSet<>();
                    for (Value v : values) {
                        SandboxProject project = catalog.project(v.text());
                        if (project == null) {
                            throw JiraErrors.messages(400, "The value '" + v.text() + "' does not exist for the field 'project'.");
                        }
                        keys.add(project.key());
                    }
                    return membership(op, i -> keys.contains(i.projectKey));
                }
                case "key", "issuekey", "id" -> {
                    requireOperator(op, opPosition, field, "=", "!=", "in", "not in");
                    Set<Long> ids = new HashSet<>();
                    for (Value v : values) {
                        StoredIssue issue = catalog.issue(v.text());
                        if (issue == null) {
                            throw JiraErrors.messages(400, "An issue with key '" + v.text() + "' does not exist for field '" + field + "'.");
                        }
                        ids.add(issue.id);
                    }
                    return membership(op, i -> ids.contains(i.id));
                }
                case "labels" -> {
                    requireOperator(op, opPosition, field, "=", "!=", "in", "not in", "is", "is not");
                    Set<String> wanted = new HashSet<>();
                    values.forEach(v -> wanted.add(v.text().toLowerCase(Locale.ROOT)));
                    return multiValued(op, i -> i.labels.stream().map(l -> l.toLowerCase(Locale.ROOT)).toList(), wanted::contains);
                }
                case "status" -> {
                    requireOperator(op, opPosition, field, "=", "!=", "in", "not in");
                    Set<String> ids = new HashSet<>();
                    for (Value v : values) {
                        ids.add(Workflow.findStatus(v.text()).orElseThrow(() -> noSuchValue(v, "status")).id());
                    }
                    return membership(op, i -> ids.contains(i.statusId));
                }
                case "statuscategory" -> {
                    requireOperator(op, opPosition, field, "=", "!=", "in", "not in");
                    Set<String> keys = new HashSet<>();
                    for (Value v : values) {
                        keys.add(Workflow.findCategory(v.text()).orElseThrow(() -> noSuchValue(v, "statusCategory")).key());
                    }
                    return membership(op, i -> keys.contains(Workflow.statusById(i.statusId).category().key()));
                }
                case "resolution" -> {
                    requireOperator(op, opPosition, field, "=", "!=", "in", "not in", "is", "is not");
                    if (op.startsWith("is")) {
                        return op.equals("is") ? i -> i.resolutionId == null : i -> i.resolutionId != null;
                    }
                    Set<String> ids = new HashSet<>();
                    for (Value v : values) {
                        if (v.text().equalsIgnoreCase("unresolved")) {
                            ids.add(null);
                        } else {
                            ids.add(FieldCatalog.find(FieldCatalog.RESOLUTIONS, v.text()).orElseThrow(() -> noSuchValue(v, "resolution")).id());
                        }
                    }
                    boolean positive = op.equals("=") || op.equals("in");
                    return positive ? i -> ids.contains(i.resolutionId) : i -> i.resolutionId != null && !ids.contains(i.resolutionId);
                }
                case "priority" -> {
                    return optionClause(op, opPosition, field, values, FieldCatalog.PRIORITIES, i -> i.priorityId);
                }
                case "issuetype", "type" -> {
                    return optionClause(op, opPosition, field, values, FieldCatalog.ISSUE_TYPES, i -> i.issueTypeId);
                }
                case "created", "createddate", "updated", "updateddate" -> {
                    requireOperator(op, opPosition, field, "=", "!=", ">", ">=", "<", "<=");
                    long bound = date(values.get(0), field);
                    boolean created = field.startsWith("created");
                    return i -> compare(created ? i.created : i.updated, op, bound);
                }
                case "text", "summary", "description" -> {
                    if (field.equals("text")) {
                        requireOperator(op, opPosition, field, "~");
                    } else {
                        requireOperator(op, opPosition, field, "~", "!~");
                    }
                    Value v = values.get(0);
                    List<String> words = List.of(v.text().toLowerCase(Locale.ROOT).trim().split("\\s+"));
                    if (v.text().isBlank()) {
                        throw JiraErrors.messages(400, "The field '" + field + "' does not support searching for an empty string.");
                    }
                    TrigramSketch wanted = TrigramSketch.of(words.toArray(String[]::new));
                    if (op.equals("~")) {
                        // clauses are only ever joined by AND: a matching issue holds every ~ clause's words
                        wantedText = wantedText == null ? wanted : wantedText.with(wanted);
                    }
                    Predicate<StoredIssue> contains = i -> {
                        if (!i.searchSketch().mayContain(wanted)) {
                            return false;
                        }
                        String summary = i.summarySearchText();
                        return switch (field) {
                            case "summary" -> words.stream().allMatch(summary::contains);
                            case "description" -> words.stream().allMatch(i.descriptionSearchText()::contains);
                            default -> words.stream().allMatch(w -> summary.contains(w)
                                    || i.descriptionSearchText().contains(w));
                        };
                    };
                    return op.equals("~") ? contains : contains.negate();
                }
                default -> throw error("Field '" + fieldToken.text()
                        + "' does not exist or is not supported by the Redress Jira sandbox.", fieldToken.position());
            }
        }

        private Predicate<StoredIssue> optionClause(String op, int opPosition, String field, List<Value> values,
                                                    List<FieldCatalog.Option> options,
                                                    java.util.function.Function<StoredIssue, String> id) {
            requireOperator(op, opPosition, field, "=", "!=", "in", "not in");
            Set<String> ids = new HashSet<>();
            for (Value v : values) {
                ids.add(FieldCatalog.find(options, v.text()).orElseThrow(() -> noSuchValue(v, field)).id());
            }
            return membership(op, i -> ids.contains(id.apply(i)));
        }

        private static JiraErrors.Failure noSuchValue(Value v, String field) {
            return JiraErrors.messages(400, "The value '" + v.text() + "' does not exist for the field '" + field + "'.");
        }

        private static void requireOperator(String op, int position, String field, String... allowed) {
            if (!List.of(allowed).contains(op)) {
                throw error("The operator '" + op + "' is not supported by the '" + field + "' field.", position);
            }
        }

        private static Predicate<StoredIssue> membership(String op, Predicate<StoredIssue> member) {
            return op.equals("=") || op.equals("in") ? member : member.negate();
        }

        /**
         * JQL on multi-valued fields: {@code =}/{@code in} match when any value matches;
         * {@code !=}/{@code not in} need a value and none matching, so empty fields never match
         * them (Jira documents this; clients must add "OR x is EMPTY" themselves).
         */
        private static Predicate<StoredIssue> multiValued(String op, java.util.function.Function<StoredIssue, List<String>> values,
                                                          Predicate<String> wanted) {
            return switch (op) {
                case "=", "in" -> i -> values.apply(i).stream().anyMatch(wanted);
                case "!=", "not in" -> i -> !values.apply(i).isEmpty() && values.apply(i).stream().noneMatch(wanted);
                case "is" -> i -> values.apply(i).isEmpty();
                default -> i -> !values.apply(i).isEmpty();
            };
        }

        private Predicate<StoredIssue> propertyClause(String key, String path, String op, List<Value> values) {
            java.util.function.Function<StoredIssue, List<String>> extract = i -> {
                List<String> found = new ArrayList<>();
                collect(at(i.properties.get(key), path), found);
                return found;
            };
            return multiValued(op, extract, candidate -> values.stream().anyMatch(v -> sameValue(candidate, v.text())));
        }

        private static JsonNode at(JsonNode value, String path) {
            if (value == null || path == null) {
                return value;
            }
            JsonNode node = value;
            for (String part : path.split("\\.")) {
                node = node.path(part);
            }
            return node;
        }

        private static void collect(JsonNode node, List<String> out) {
            if (node == null || node.isMissingNode() || node.isNull()) {
                return;
            }
            if (node.isArray()) {
                node.forEach(n -> collect(n, out));
            } else if (node.isValueNode()) {
                out.add(node.asText());
            }
        }

        /** Strings compare case-insensitively (e-mail addresses are stored as typed); numbers numerically. */
        private static boolean sameValue(String stored, String wanted) {
            if (stored.equalsIgnoreCase(wanted)) {
                return true;
            }
            try {
                return new BigDecimal(stored).compareTo(new BigDecimal(wanted)) == 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }

        private long date(Value v, String field) {
            String text = v.text().trim();
            if (text.matches("\\d{1,18}")) {
                return Long.parseLong(text);
            }
            for (DateTimeFormatter format : DATE_TIMES) {
                try {
                    return LocalDateTime.parse(text, format).toInstant(ZoneOffset.UTC).toEpochMilli();
                } catch (DateTimeParseException e) {
                    // try the next format
                }
            }
            for (DateTimeFormatter format : DATES) {
                try {
                    return LocalDate.parse(text, format).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
                } catch (DateTimeParseException e) {
                    // try the next format
                }
            }
            if (text.matches("[-+]?\\d+[wdhm](\\s+[-+]?\\d+[wdhm])*")) {
                Matcher m = RELATIVE.matcher(text);
                long offset = 0;
                String sign = null;
                while (m.find()) {
                    if (sign == null) {
                        sign = m.group(1);
                    }
                    String partSign = m.group(1).isEmpty() ? sign : m.group(1);
                    long unit = switch (m.group(3)) {
                        case "w" -> 7L * 24 * 3600_000;
                        case "d" -> 24L * 3600_000;
                        case "h" -> 3600_000L;
                        default -> 60_000L;
                    };
                    long amount = Long.parseLong(m.group(2)) * unit;
                    offset += "-".equals(partSign) ? -amount : amount;
                }
                return now + offset;
            }
            throw JiraErrors.messages(400, "Date value '" + v.text() + "' for field '" + field + "' is invalid. Valid formats include: "
                    + "'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.");
        }

        private static boolean compare(long actual, String op, long bound) {
            return switch (op) {
                case "=" -> actual == bound;
                case "!=" -> actual != bound;
                case ">" -> actual > bound;
                case ">=" -> actual >= bound;
                case "<" -> actual < bound;
                default -> actual <= bound;
            };
        }
    }

    static long issueNumber(String key) {
        return Long.parseLong(key.substring(key.lastIndexOf('-') + 1));
    }
}
