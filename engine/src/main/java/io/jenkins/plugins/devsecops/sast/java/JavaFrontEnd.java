package io.jenkins.plugins.devsecops.sast.java;

import com.github.javaparser.JavaParser;
import com.github.javaparser.OwnLexerParse;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Problem;
import com.github.javaparser.Processor;
import com.github.javaparser.Range;
import com.github.javaparser.ast.comments.CommentsCollection;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.comments.Comment;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import io.jenkins.plugins.devsecops.sast.ir.ClassIr;
import io.jenkins.plugins.devsecops.sast.ir.MethodIr;
import io.jenkins.plugins.devsecops.sast.ir.Stmt;
import io.jenkins.plugins.devsecops.sast.ir.UnitIr;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Java front end: parses one source file with JavaParser and lowers every type and method in it to IR. A file
 * that does not parse yields a note, never an exception; so does every construct the lowering gives up on.
 */
public final class JavaFrontEnd {

    /** The prefix of rule ids in {@code @SuppressWarnings}. */
    public static final String SUPPRESS_PREFIX = "devsecops:";

    private static final Pattern IGNORE = Pattern.compile("devsecops:ignore(?:\\s+([A-Za-z0-9_.:-]+))?");

    /**
     * The usual configuration: no language-level validation (a quarter of the parse time on real code; it only
     * refuses code a compiler would refuse, which an analysis need not), Java 21's post-processing ({@code var}),
     * comments collected but not attributed to nodes (only {@code devsecops:ignore} comments are read, from the
     * collected list). None of the configurations detects the file's line separator: that wraps the text in a reader
     * that looks up every character (a sixth of the parse time on real code) only to record the separator on the
     * compilation unit, which matters to the lexical-preserving printer and to printing the whole unit, neither used
     * here (a node's {@code toString()} uses the system's separator).
     */
    private static final ParserConfiguration FAST = fast();
    /**
     * For files that mention {@code yield}: without a language level the token is an identifier, and
     * {@code yield x;} in a switch expression would parse as a declaration.
     */
    private static final ParserConfiguration WITH_YIELD = new ParserConfiguration()
            .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21)
            .setAttributeComments(false)
            .setDetectOriginalLineSeparator(false);

    /** Without Java 21's post-processing, which walks the whole tree: for files where no {@code var} is written. */
    private static final ParserConfiguration FAST_NO_VAR = new ParserConfiguration()
            .setLanguageLevel(ParserConfiguration.LanguageLevel.RAW)
            .setAttributeComments(false)
            .setDetectOriginalLineSeparator(false);

    /**
     * Whether the parser can read {@link JavaLexer}'s tokens ({@link OwnLexerParse}, in JavaParser's package): the
     * same tree as with JavaParser's generated lexer, for about half the parse's CPU (docs/performance.md). Only if
     * javaparser-core were loaded by another class loader than this engine would the package-private access fail.
     */
    private static final boolean OWN_LEXER = ownLexerWorks();

    private static boolean ownLexerWorks() {
        try {
            ParseResult<CompilationUnit> result = OwnLexerParse.parse(FAST_NO_VAR, "class A {}");
            return result != null && result.isSuccessful();
        } catch (LinkageError e) {
            return false;
        }
    }

    /** The configuration for a file's text. */
    static ParserConfiguration configurationFor(String text) {
        return text.contains("yield") ? WITH_YIELD : mayUseVar(text) ? FAST : FAST_NO_VAR;
    }

    /** Whether the word {@code var} occurs in the text, or a unicode escape that might spell it. */
    static boolean mayUseVar(String text) {
        if (text.contains("\\u")) {
            return true;
        }
        for (int at = text.indexOf("var"); at >= 0; at = text.indexOf("var", at + 3)) {
            boolean startsWord = at == 0 || !Character.isJavaIdentifierPart(text.charAt(at - 1));
            boolean endsWord = at + 3 == text.length() || !Character.isJavaIdentifierPart(text.charAt(at + 3));
            if (startsWord && endsWord) {
                return true;
            }
        }
        return false;
    }

    private static ParserConfiguration fast() {
        ParserConfiguration configuration = new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.RAW)
                .setAttributeComments(false)
                .setDetectOriginalLineSeparator(false);
        configuration.getProcessors().add(() -> new Processor() {
            @Override
            public void postProcess(ParseResult<? extends Node> result, ParserConfiguration configuration) {
                result.getResult().ifPresent(VarTypes::replace); // Java 21's post-processing
            }
        });
        return configuration;
    }

    /**
     * A parsed file: its IR and its syntax tree, text and the tree's nodes the rules look at, for the rules that look
     * at syntax ({@code nodes} is {@code null} when there is no tree).
     */
    public record Parsed(UnitIr unit, Optional<CompilationUnit> tree, String text, TreeNodes nodes) {

        Parsed(UnitIr unit, String text) {
            this(unit, Optional.empty(), text, null);
        }
    }

    /** Brackets nested deeper than this make a file refused before parsing (no real code comes close). */
    static final int MAX_BRACKET_DEPTH = 256;
    private static final long PARSER_STACK_BYTES = 64L * 1024 * 1024;
    /**
     * The threads with deep stacks that parse, reused from file to file (a thread of its own per file cost a thread
     * start and a 64 MiB stack mapping each time); an idle one ends after a few seconds, freeing its stack.
     */
    private static final ExecutorService PARSERS = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 5, TimeUnit.SECONDS,
            new SynchronousQueue<>(), task -> {
                Thread thread = new Thread(null, task, "sast-parse", PARSER_STACK_BYTES);
                thread.setDaemon(true);
                return thread;
            });

    /**
     * Parses and lowers one file, on a thread with a deep stack so that long expression chains parse;
     * a file whose brackets nest deeper than {@link #MAX_BRACKET_DEPTH} is refused with a note at once.
     */
    public Parsed parse(String path, String text) {
        int depth = bracketDepth(text);
        if (depth > MAX_BRACKET_DEPTH) {
            return new Parsed(new UnitIr(path, List.of(), Map.of(), List.of("could not parse: brackets nested "
                    + depth + " deep, more than " + MAX_BRACKET_DEPTH)), text);
        }
        Future<Parsed> parsing = PARSERS.submit(() -> {
            try {
                return parseHere(path, text);
            } catch (StackOverflowError e) {
                throw new IllegalStateException("nested too deeply");
            }
        });
        try {
            return parsing.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            parsing.cancel(true);
            return new Parsed(new UnitIr(path, List.of(), Map.of(), List.of("not parsed: interrupted")), text);
        } catch (ExecutionException e) {
            // as when each file had a thread of its own: an error other than a RuntimeException is "unknown"
            Throwable cause = e.getCause();
            String message = cause instanceof RuntimeException ? cause.getMessage() : "unknown error";
            return new Parsed(new UnitIr(path, List.of(), Map.of(), List.of("could not parse: " + message)),
                    text);
        }
    }

    /** The deepest nesting of ( [ { outside string and character literals and comments, in one linear pass. */
    static int bracketDepth(String text) {
        int depth = 0;
        int deepest = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                while (i < n && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 1;
            } else if (c == '"' || c == '\'') {
                for (i++; i < n && text.charAt(i) != c && text.charAt(i) != '\n'; i++) {
                    if (text.charAt(i) == '\\') {
                        i++;
                    }
                }
            } else if (c == '(' || c == '[' || c == '{') {
                deepest = Math.max(deepest, ++depth);
            } else if (c == ')' || c == ']' || c == '}') {
                depth = Math.max(0, depth - 1);
            }
        }
        return deepest;
    }

    private Parsed parseHere(String path, String text) {
        List<String> notes = new ArrayList<>();
        boolean ignores = text.contains("devsecops:ignore");
        Attempt attempt = parse(text, ignores, true, notes);
        if (attempt == null) {
            return new Parsed(new UnitIr(path, List.of(), Map.of(), notes), text);
        }
        if (attempt.varTypesLeft() && !VarTypes.replace(attempt.nodes().varTypes())) {
            // the var types are not all bare names, or one cannot be replaced: parsed again, with the post-processing
            attempt = parse(text, ignores, false, notes);
            if (attempt == null) {
                return new Parsed(new UnitIr(path, List.of(), Map.of(), notes), text);
            }
        }
        ParseResult<CompilationUnit> result = attempt.result();
        CompilationUnit unit = result.getResult().get();
        TreeNodes nodes = attempt.nodes();
        List<ClassIr> classes = new ArrayList<>();
        try {
            TypeScope scope = new TypeScope(unit);
            String prefix = scope.packageName().isEmpty() ? "" : scope.packageName() + ".";
            for (TypeDeclaration<?> type : unit.getTypes()) {
                lowerType(type, prefix + type.getNameAsString(), scope, nodes, path, List.of(), classes, notes);
            }
        } catch (StackOverflowError e) {
            notes.add("nested too deeply to analyse");
        }
        Map<Integer, List<String>> ignored = ignores
                ? ignoredLines(result.getCommentsCollection().<Collection<Comment>>map(CommentsCollection::getComments)
                        .orElse(List.of()))
                : Map.of();
        return new Parsed(new UnitIr(path, classes, ignored, notes), Optional.of(unit), text, nodes);
    }

    /**
     * A successful parse and the nodes of its tree.
     *
     * @param varTypesLeft whether Java 21's post-processing was left to the caller: the tree may still have class
     *     types named {@code var} ({@code nodes.varTypes()}) that the post-processing would have replaced
     */
    private record Attempt(ParseResult<CompilationUnit> result, TreeNodes nodes, boolean varTypesLeft) {
    }

    /**
     * Parses the text and walks its tree; {@code null}, with a note, if it does not parse. With {@code leaveVarTypes},
     * a compact text parsed with {@link OwnLexerParse} is parsed without the {@code var} post-processing, whose own
     * walk of the tree the caller saves by {@link VarTypes#replace replacing} the types this walk finds.
     */
    private static Attempt parse(String text, boolean ignores, boolean leaveVarTypes, List<String> notes) {
        ParseResult<CompilationUnit> result;
        boolean[] varTypesLeft = {false};
        try {
            result = parseCompact(text, ignores, leaveVarTypes, varTypesLeft);
        } catch (StackOverflowError | RuntimeException e) {
            notes.add("could not parse: " + (e instanceof StackOverflowError ? "nested too deeply" : e.getMessage()));
            return null;
        }
        if (result.getResult().isEmpty() || !result.isSuccessful()) {
            String problem = result.getProblems().stream().findFirst().map(Problem::getVerboseMessage)
                    .orElse("unknown error");
            notes.add("could not parse: " + firstLine(problem));
            return null;
        }
        CompilationUnit unit = result.getResult().get();
        TreeNodes nodes;
        try {
            nodes = TreeNodes.walk(unit);
        } catch (StackOverflowError e) {
            nodes = TreeNodes.of(unit);
        }
        return new Attempt(result, nodes, varTypesLeft[0]);
    }

    /**
     * Parses the file's {@link ParserText compact text}: the same tree with the same lines, for less CPU (see
     * docs/performance.md). A file with a {@code devsecops:ignore} comment ({@code ignores}) is parsed as it is, since
     * those comments are read from the parse; so is one whose compact text does not parse, so that its problem is
     * reported where it is in the file, with {@link #configurationFor the configuration for its text}. With
     * {@code leaveVarTypes}, a compact text that {@link OwnLexerParse} parses with the {@code var} post-processing in
     * its configuration is parsed without it, and {@code varTypesLeft[0]} says so.
     */
    private static ParseResult<CompilationUnit> parseCompact(String text, boolean ignores, boolean leaveVarTypes,
            boolean[] varTypesLeft) {
        String compact = ignores ? text : ParserText.of(text);
        if (compact != text) {
            try {
                ParserConfiguration configuration = compactConfigurationFor(text, compact);
                boolean leave = leaveVarTypes && configuration == FAST;
                ParseResult<CompilationUnit> result = OWN_LEXER
                        ? OwnLexerParse.parseWithoutBlanks(leave ? FAST_NO_VAR : configuration, compact) : null;
                if (result == null) {
                    leave = false;
                    result = new JavaParser(configuration).parse(compact);
                }
                if (result.isSuccessful() && result.getResult().isPresent()) {
                    varTypesLeft[0] = leave;
                    return result;
                }
            } catch (StackOverflowError | RuntimeException e) {
                // reported as the file itself fails below
            }
        }
        return new JavaParser(configurationFor(text)).parse(text);
    }

    /**
     * The configuration for a file's compact text: {@link #configurationFor} the file's text, except that the word
     * {@code var} is looked for in the compact text, without the comments. Java 21's post-processing only turns
     * types named {@code var} into {@code var} types, and such a type is an identifier token {@code var} of the
     * text the parser reads; so where the compact text has no such word (the compact text makes no new words: a
     * comment taken out leaves a blank or a line break), the post-processing would change nothing and is left out.
     * Many files have the word only in comments.
     */
    static ParserConfiguration compactConfigurationFor(String text, String compact) {
        return text.contains("yield") ? WITH_YIELD : mayUseVar(compact) ? FAST : FAST_NO_VAR;
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    private static Map<Integer, List<String>> ignoredLines(Collection<Comment> comments) {
        Map<Integer, List<String>> lines = new HashMap<>();
        for (Comment comment : comments) {
            Matcher matcher = IGNORE.matcher(comment.getContent());
            if (matcher.find()) {
                String rule = matcher.group(1) == null ? "*" : matcher.group(1);
                int line = comment.getBegin().map(p -> p.line).orElse(0);
                int end = comment.getEnd().map(p -> p.line).orElse(line);
                // a comment on the line of the finding, or on the line(s) just above it
                for (int l = line; l <= end + 1; l++) {
                    lines.computeIfAbsent(l, k -> new ArrayList<>()).add(rule);
                }
            }
        }
        return lines;
    }

    /** The rule ids (without prefix) a {@code @SuppressWarnings} on the node names; {@code *} for {@code devsecops}. */
    static List<String> suppressions(NodeWithAnnotations<?> node) {
        List<String> rules = new ArrayList<>();
        for (AnnotationExpr annotation : node.getAnnotations()) {
            if (!annotation.getNameAsString().endsWith("SuppressWarnings")) {
                continue;
            }
            List<Expression> values = new ArrayList<>();
            if (annotation instanceof SingleMemberAnnotationExpr single) {
                values.add(single.getMemberValue());
            } else if (annotation instanceof NormalAnnotationExpr normal) {
                normal.getPairs().forEach(p -> values.add(p.getValue()));
            }
            for (Expression value : values) {
                List<Expression> items = value instanceof ArrayInitializerExpr array ? array.getValues()
                        : List.of(value);
                for (Expression item : items) {
                    if (item instanceof StringLiteralExpr s) {
                        String text = s.asString();
                        if (text.equals("devsecops")) {
                            rules.add("*");
                        } else if (text.startsWith(SUPPRESS_PREFIX)) {
                            rules.add(text.substring(SUPPRESS_PREFIX.length()));
                        }
                    }
                }
            }
        }
        return rules;
    }

    private static List<String> annotationNames(NodeWithAnnotations<?> node) {
        List<AnnotationExpr> annotations = node.getAnnotations();
        if (annotations.isEmpty()) {
            return List.of();
        }
        String[] names = new String[annotations.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = annotations.get(i).getName().getIdentifier();
        }
        return List.of(names);
    }

    private static int line(Node node) {
        Optional<Range> range = node.getRange();
        return range.isPresent() ? range.get().begin.line : 0;
    }

    private void lowerType(TypeDeclaration<?> type, String name, TypeScope scope, TreeNodes nodes, String path,
            List<String> outerSuppressed, List<ClassIr> classes, List<String> notes) {
        List<String> supertypes = new ArrayList<>();
        boolean isInterface = false;
        if (type instanceof ClassOrInterfaceDeclaration c) {
            c.getExtendedTypes().forEach(t -> supertypes.add(scope.resolve(t.getNameWithScope())));
            c.getImplementedTypes().forEach(t -> supertypes.add(scope.resolve(t.getNameWithScope())));
            isInterface = c.isInterface() || c.isAbstract();
        } else if (type instanceof EnumDeclaration e) {
            e.getImplementedTypes().forEach(t -> supertypes.add(scope.resolve(t.getNameWithScope())));
        } else if (type instanceof RecordDeclaration r) {
            r.getImplementedTypes().forEach(t -> supertypes.add(scope.resolve(t.getNameWithScope())));
        }
        List<String> suppressed = new ArrayList<>(outerSuppressed);
        suppressed.addAll(suppressions(type));
        List<String> classAnnotations = annotationNames(type);

        Map<String, MethodLowering.FieldInfo> fields = new LinkedHashMap<>();
        Map<String, String> fieldTypes = new LinkedHashMap<>();
        for (FieldDeclaration field : type.getFields()) {
            for (VariableDeclarator variable : field.getVariables()) {
                String fieldType = scope.resolve(variable.getType().asString());
                fields.put(variable.getNameAsString(), new MethodLowering.FieldInfo(fieldType,
                        field.isStatic() || type instanceof ClassOrInterfaceDeclaration c && c.isInterface()));
                fieldTypes.put(variable.getNameAsString(), fieldType);
            }
        }
        if (type instanceof RecordDeclaration r) {
            r.getParameters().forEach(p -> {
                fields.put(p.getNameAsString(), new MethodLowering.FieldInfo(scope.resolve(p.getType().asString()),
                        false));
                fieldTypes.put(p.getNameAsString(), scope.resolve(p.getType().asString()));
            });
        }
        List<MethodIr> methods = new ArrayList<>();
        List<Stmt> instanceInit = new ArrayList<>();
        List<Stmt> staticInit = new ArrayList<>();
        MethodLowering initLowering = new MethodLowering(scope, name, fields, false, notes);
        MethodLowering staticLowering = new MethodLowering(scope, name, fields, true, notes);
        for (FieldDeclaration field : type.getFields()) {
            boolean isStaticField = fields.get(field.getVariable(0).getNameAsString()).isStatic();
            for (VariableDeclarator variable : field.getVariables()) {
                if (isStaticField) {
                    staticLowering.fieldInitialiser(variable, true, staticInit);
                } else {
                    initLowering.fieldInitialiser(variable, false, instanceInit);
                }
            }
        }
        boolean hasConstructor = false;
        for (BodyDeclaration<?> member : type.getMembers()) {
            try {
                if (member instanceof InitializerDeclaration init) {
                    if (init.isStatic()) {
                        staticInit.addAll(staticLowering.lowerBlock(init.getBody()));
                    } else {
                        instanceInit.addAll(initLowering.lowerBlock(init.getBody()));
                    }
                } else if (member instanceof MethodDeclaration m) {
                    methods.add(lowerCallable(m, name, m.getNameAsString(), m.isStatic(),
                            scope.resolve(m.getType().asString()), scope, fields, path, suppressed, classAnnotations,
                            List.of(), notes));
                } else if (member instanceof ConstructorDeclaration c) {
                    hasConstructor = true;
                    methods.add(lowerCallable(c, name, "<init>", false, null, scope, fields, path, suppressed,
                            classAnnotations, instanceInit, notes));
                } else if (member instanceof TypeDeclaration<?> nested) {
                    lowerType(nested, name + "$" + nested.getNameAsString(), scope, nodes, path, suppressed, classes, notes);
                }
            } catch (RuntimeException e) {
                notes.add(name + ": member at line " + line(member) + " not analysed: " + e);
            }
        }
        if (!hasConstructor && !instanceInit.isEmpty()) {
            methods.add(new MethodIr(name + "#<init>/0", name, "<init>", List.of(), List.of(), List.of(),
                    classAnnotations, false, instanceInit, path, line(type), null, suppressed,
                    initLowering.localTypes()));
        }
        if (!staticInit.isEmpty()) {
            methods.add(new MethodIr(name + "#<clinit>/0", name, "<clinit>", List.of(), List.of(), List.of(),
                    classAnnotations, true, staticInit, path, line(type), "void", suppressed,
                    staticLowering.localTypes()));
        }
        // anonymous classes inside the type's members: lowered as their own classes
        int anonymous = 0;
        for (ObjectCreationExpr creation : nodes.anonymousIn(type)) {
            anonymous++;
            lowerAnonymous(creation, name + "$" + anonymous, scope, path, suppressed, classes, notes);
        }
        classes.add(new ClassIr(name, supertypes, fieldTypes, isInterface, distinctIds(methods), path));
    }

    /**
     * The methods with one id each: overloads of one arity ({@code Owner#name/n}) get their parameter types in it
     * ({@code Owner#name/n(A,B)}), and a repeat after that (a hostile file declaring one signature twice) its place.
     * The analysis keeps one summary per id: two methods sharing one overwrote each other's summary in every round,
     * so the rounds never settled and callers saw whichever was analysed last.
     */
    private static List<MethodIr> distinctIds(List<MethodIr> methods) {
        Map<String, Integer> count = new HashMap<>();
        methods.forEach(m -> count.merge(m.id(), 1, Integer::sum));
        if (count.size() == methods.size()) {
            return methods;
        }
        Set<String> taken = new HashSet<>();
        List<MethodIr> distinct = new ArrayList<>();
        for (int i = 0; i < methods.size(); i++) {
            MethodIr m = methods.get(i);
            String id = count.get(m.id()) == 1 ? m.id() : m.id() + "(" + String.join(",", m.parameterTypes()) + ")";
            if (!taken.add(id)) {
                id = id + "@" + i;
                taken.add(id);
            }
            distinct.add(id.equals(m.id()) ? m : new MethodIr(id, m.owner(), m.name(), m.parameters(),
                    m.parameterTypes(), m.parameterAnnotations(), m.annotations(), m.isStatic(), m.body(), m.path(),
                    m.line(), m.returnType(), m.suppressed(), m.localTypes()));
        }
        return distinct;
    }

    private void lowerAnonymous(ObjectCreationExpr creation, String name, TypeScope scope, String path,
            List<String> suppressed, List<ClassIr> classes, List<String> notes) {
        List<MethodIr> methods = new ArrayList<>();
        for (BodyDeclaration<?> member : creation.getAnonymousClassBody().get()) {
            if (member instanceof MethodDeclaration m) {
                try {
                    methods.add(lowerCallable(m, name, m.getNameAsString(), false,
                            scope.resolve(m.getType().asString()), scope, Map.of(), path, suppressed, List.of(),
                            List.of(), notes));
                } catch (RuntimeException e) {
                    notes.add(name + ": method at line " + line(m) + " not analysed: " + e);
                }
            }
        }
        classes.add(new ClassIr(name, List.of(scope.resolve(creation.getType().getNameWithScope())), Map.of(), false,
                methods, path));
    }

    private MethodIr lowerCallable(CallableDeclaration<?> callable, String owner, String name, boolean isStatic,
            String returnType, TypeScope scope, Map<String, MethodLowering.FieldInfo> fields, String path,
            List<String> classSuppressed, List<String> classAnnotations, List<Stmt> prologue, List<String> notes) {
        MethodLowering lowering = new MethodLowering(scope, owner, fields, isStatic, notes);
        List<String> parameters = new ArrayList<>();
        List<String> parameterTypes = new ArrayList<>();
        List<List<String>> parameterAnnotations = new ArrayList<>();
        for (Parameter parameter : callable.getParameters()) {
            lowering.declare(parameter);
            parameters.add(parameter.getNameAsString());
            parameterTypes.add(scope.resolve(parameter.getType().asString()) + (parameter.isVarArgs() ? "[]" : ""));
            parameterAnnotations.add(annotationNames(parameter));
        }
        List<Stmt> body = new ArrayList<>(prologue);
        if (callable instanceof MethodDeclaration m && m.getBody().isPresent()) {
            body.addAll(lowering.lowerBlock(m.getBody().get()));
        } else if (callable instanceof ConstructorDeclaration c) {
            body.addAll(lowering.lowerBlock(c.getBody()));
        }
        List<String> suppressed = new ArrayList<>(classSuppressed);
        suppressed.addAll(suppressions(callable));
        List<String> annotations = new ArrayList<>(annotationNames(callable));
        annotations.addAll(classAnnotations);
        String id = owner + "#" + name + "/" + parameters.size();
        return new MethodIr(id, owner, name, parameters, parameterTypes, parameterAnnotations, annotations, isStatic,
                body, path, line(callable.getName()), returnType, suppressed, lowering.localTypes());
    }
}
