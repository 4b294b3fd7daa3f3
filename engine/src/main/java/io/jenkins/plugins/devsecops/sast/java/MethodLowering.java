package io.jenkins.plugins.devsecops.sast.java;

import com.github.javaparser.Range;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.InstanceOfExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.TypeExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ExplicitConstructorInvocationStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.LabeledStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.SwitchStmt;
import com.github.javaparser.ast.stmt.SynchronizedStmt;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.ast.stmt.YieldStmt;
import io.jenkins.plugins.devsecops.sast.ir.Operand;
import io.jenkins.plugins.devsecops.sast.ir.Stmt;
import io.jenkins.plugins.devsecops.sast.ir.Temporaries;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lowers one Java method body to {@link Stmt}s. Expressions nest at most {@link #MAX_DEPTH} deep and a method
 * yields at most {@link #MAX_STATEMENTS} statements; beyond either the rest is dropped with a note, so hostile input
 * cannot blow the stack or the heap.
 */
final class MethodLowering {

    static final int MAX_DEPTH = 150;
    static final int MAX_STATEMENTS = 20_000;

    private final TypeScope types;
    private final String owner;
    private final Map<String, FieldInfo> fields;
    private final boolean isStatic;
    private final Map<String, String> localTypes = new HashMap<>();
    private final List<String> notes;
    private int temps;
    private int statements;
    private boolean truncated;

    /** A field of the declaring class: its type and whether it is static. */
    record FieldInfo(String type, boolean isStatic) {
    }

    MethodLowering(TypeScope types, String owner, Map<String, FieldInfo> fields, boolean isStatic,
            List<String> notes) {
        this.types = types;
        this.owner = owner;
        this.fields = fields;
        this.isStatic = isStatic;
        this.notes = notes;
    }

    Map<String, String> localTypes() {
        return localTypes;
    }

    /** Declares a parameter (by its source name) with its type. */
    void declare(Parameter parameter) {
        localTypes.put(parameter.getNameAsString(), types.resolve(parameter.getType().asString()));
    }

    List<Stmt> lowerBlock(BlockStmt block) {
        List<Stmt> out = new ArrayList<>();
        for (Statement statement : block.getStatements()) {
            statement(statement, out);
        }
        return out;
    }

    /** Lowers a field initialiser into {@code out} as a store. */
    void fieldInitialiser(VariableDeclarator variable, boolean staticField, List<Stmt> out) {
        variable.getInitializer().ifPresent(init -> {
            Operand value = expr(init, out, 0);
            out.add(new Stmt.Store(staticField ? null : Operand.local("this"), owner, variable.getNameAsString(),
                    value, line(variable)));
        });
    }

    private static int line(Node node) {
        Optional<Range> range = node.getRange();
        return range.isPresent() ? range.get().begin.line : 0;
    }

    /**
     * What {@code toString()} gives for an expression, without the printer for a name or a dotted path of names
     * ({@code a.b.C}): the printer prints those as their identifiers joined by dots (no comment is attributed to a
     * node), and setting it up for each of them cost about a seventh of the lowering.
     */
    static String source(Expression e) {
        if (e instanceof NameExpr n) {
            return n.getName().getIdentifier();
        }
        if (e instanceof FieldAccessExpr f && isDottedName(f.getScope())) {
            return source(f.getScope()) + "." + f.getName().getIdentifier();
        }
        return e.toString();
    }

    private static boolean isDottedName(Expression e) {
        Expression head = e;
        while (head instanceof FieldAccessExpr f) {
            head = f.getScope();
        }
        return head instanceof NameExpr;
    }

    private String temp() {
        return Temporaries.name(temps++);
    }

    private boolean budget() {
        if (++statements > MAX_STATEMENTS) {
            if (!truncated) {
                truncated = true;
                notes.add(owner + ": method longer than " + MAX_STATEMENTS + " IR statements, the rest not analysed");
            }
            return false;
        }
        return true;
    }

    private void add(List<Stmt> out, Stmt stmt) {
        if (budget()) {
            out.add(stmt);
        }
    }

    private List<Stmt> block(Statement statement) {
        List<Stmt> out = new ArrayList<>();
        statement(statement, out);
        return out;
    }

    void statement(Statement statement, List<Stmt> out) {
        if (truncated) {
            return;
        }
        int line = line(statement);
        if (statement instanceof BlockStmt b) {
            b.getStatements().forEach(s -> statement(s, out));
        } else if (statement instanceof ExpressionStmt e) {
            expr(e.getExpression(), out, 0);
        } else if (statement instanceof IfStmt s) {
            Operand condition = expr(s.getCondition(), out, 0);
            add(out, new Stmt.If(condition, block(s.getThenStmt()),
                    s.getElseStmt().map(this::block).orElse(List.of()), line));
        } else if (statement instanceof WhileStmt s) {
            List<Stmt> header = new ArrayList<>();
            Operand condition = expr(s.getCondition(), header, 0);
            add(out, new Stmt.Loop(header, condition, block(s.getBody()), List.of(), false, line));
        } else if (statement instanceof DoStmt s) {
            List<Stmt> header = new ArrayList<>();
            Operand condition = expr(s.getCondition(), header, 0);
            add(out, new Stmt.Loop(header, condition, block(s.getBody()), List.of(), true, line));
        } else if (statement instanceof ForStmt s) {
            s.getInitialization().forEach(e -> expr(e, out, 0));
            List<Stmt> header = new ArrayList<>();
            Operand condition = s.getCompare().map(c -> expr(c, header, 0)).orElse(null);
            List<Stmt> update = new ArrayList<>();
            s.getUpdate().forEach(e -> expr(e, update, 0));
            add(out, new Stmt.Loop(header, condition, block(s.getBody()), update, false, line));
        } else if (statement instanceof ForEachStmt s) {
            Operand iterable = expr(s.getIterable(), out, 0);
            List<Stmt> body = new ArrayList<>();
            VariableDeclarator variable = s.getVariable().getVariables().get(0);
            localTypes.put(variable.getNameAsString(), types.resolve(variable.getType().asString()));
            body.add(new Stmt.LoadIndex(variable.getNameAsString(), iterable, Operand.local("$unknown"), line));
            statement(s.getBody(), body);
            add(out, new Stmt.Loop(List.of(), null, body, List.of(), false, line));
        } else if (statement instanceof SwitchStmt s) {
            out.addAll(lowerSwitch(s.getSelector(), s.getEntries(), null, line));
        } else if (statement instanceof TryStmt s) {
            List<Stmt> body = new ArrayList<>();
            s.getResources().forEach(r -> expr(r, body, 0));
            statement(s.getTryBlock(), body);
            List<List<Stmt>> handlers = new ArrayList<>();
            for (CatchClause clause : s.getCatchClauses()) {
                handlers.add(block(clause.getBody()));
            }
            add(out, new Stmt.Try(body, handlers, s.getFinallyBlock().map(this::block).orElse(List.of()), line));
        } else if (statement instanceof ReturnStmt s) {
            Operand value = s.getExpression().map(e -> expr(e, out, 0)).orElse(null);
            add(out, new Stmt.Return(value, line));
        } else if (statement instanceof ThrowStmt s) {
            add(out, new Stmt.Throw(expr(s.getExpression(), out, 0), line));
        } else if (statement instanceof com.github.javaparser.ast.stmt.BreakStmt) {
            add(out, new Stmt.Break(line));
        } else if (statement instanceof com.github.javaparser.ast.stmt.ContinueStmt) {
            add(out, new Stmt.Continue(line));
        } else if (statement instanceof LabeledStmt s) {
            statement(s.getStatement(), out);
        } else if (statement instanceof SynchronizedStmt s) {
            expr(s.getExpression(), out, 0);
            statement(s.getBody(), out);
        } else if (statement instanceof ExplicitConstructorInvocationStmt s) {
            List<Operand> args = new ArrayList<>();
            s.getArguments().forEach(a -> args.add(expr(a, out, 0)));
            add(out, new Stmt.Invoke(null, Operand.local("this"), s.isThis() ? owner : null, "<init>", args,
                    false, line));
        } else if (statement instanceof YieldStmt s) {
            // handled by lowerSwitch through the yield target; a stray yield is ignored
            expr(s.getExpression(), out, 0);
        }
        // local class declarations, asserts, empty statements: nothing to lower
    }

    private List<Stmt> lowerSwitch(Expression selectorExpr, List<SwitchEntry> entries, String yieldTarget, int line) {
        List<Stmt> out = new ArrayList<>();
        Operand selector = expr(selectorExpr, out, 0);
        List<Stmt.Case> cases = new ArrayList<>();
        boolean fallsThrough = false;
        for (SwitchEntry entry : entries) {
            List<Object> labels = new ArrayList<>();
            for (Expression label : entry.getLabels()) {
                Object value = literal(label);
                labels.add(value == null ? label.toString() : value);
            }
            List<Stmt> body = new ArrayList<>();
            for (Statement statement : entry.getStatements()) {
                if (yieldTarget != null && statement instanceof YieldStmt y) {
                    body.add(new Stmt.Assign(yieldTarget, expr(y.getExpression(), body, 0), line(y)));
                    body.add(new Stmt.Break(line(y)));
                } else if (yieldTarget != null && entry.getType() == SwitchEntry.Type.EXPRESSION
                        && statement instanceof ExpressionStmt e) {
                    body.add(new Stmt.Assign(yieldTarget, expr(e.getExpression(), body, 0), line(e)));
                } else {
                    statement(statement, body);
                }
            }
            if (entry.getType() == SwitchEntry.Type.STATEMENT_GROUP) {
                Stmt last = body.isEmpty() ? null : body.get(body.size() - 1);
                if (!(last instanceof Stmt.Break || last instanceof Stmt.Return || last instanceof Stmt.Throw
                        || last instanceof Stmt.Continue)) {
                    fallsThrough = true;
                }
            } else {
                body.add(new Stmt.Break(line));
            }
            cases.add(new Stmt.Case(labels, entry.isDefault() || entry.getLabels().isEmpty(), body));
        }
        add(out, new Stmt.Switch(selector, cases, fallsThrough, line));
        return out;
    }

    /** The constant value of a literal expression, or null when it is not one. */
    static Object literal(Expression e) {
        if (e instanceof StringLiteralExpr s) {
            // without a backslash there is nothing to unescape (asString() runs a chain of unescapers regardless)
            String value = s.getValue();
            return value.indexOf('\\') < 0 ? value : s.asString();
        }
        if (e instanceof TextBlockLiteralExpr t) {
            return t.asString();
        }
        if (e instanceof IntegerLiteralExpr i) {
            long decimal = smallDecimal(i.getValue());
            if (decimal >= 0) {
                return decimal;
            }
            try {
                return i.asNumber().longValue();
            } catch (NumberFormatException ex) {
                return null;
            }
        }
        if (e instanceof LongLiteralExpr l) {
            try {
                return l.asNumber().longValue();
            } catch (NumberFormatException ex) {
                return null;
            }
        }
        if (e instanceof CharLiteralExpr c) {
            try {
                return c.asChar();
            } catch (RuntimeException ex) {
                return null;
            }
        }
        if (e instanceof DoubleLiteralExpr d) {
            try {
                return d.asDouble();
            } catch (NumberFormatException ex) {
                return null;
            }
        }
        if (e instanceof BooleanLiteralExpr b) {
            return b.getValue();
        }
        if (e instanceof NullLiteralExpr) {
            return Operand.NULL;
        }
        return null;
    }

    /**
     * The value of an integer literal written as at most nine decimal digits without a leading zero or underscore
     * (or {@code 0}), or -1 for any other form: what {@code asNumber()} gives for it, without the regular expression
     * that method runs on every literal to take out underscores.
     */
    static long smallDecimal(String written) {
        int n = written.length();
        if (n == 0 || n > 9 || n > 1 && written.charAt(0) == '0') {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < n; i++) {
            char c = written.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private boolean isLocal(String name) {
        return localTypes.containsKey(name);
    }

    /** Lowers an expression, appending its statements to {@code out}; returns the operand holding its value. */
    Operand expr(Expression e, List<Stmt> out, int depth) {
        if (truncated) {
            return Operand.local("$unknown");
        }
        if (depth > MAX_DEPTH) {
            if (!truncated) {
                truncated = true;
                notes.add(owner + ": expression nested deeper than " + MAX_DEPTH + " levels at line " + line(e)
                        + ", the method is analysed only up to it");
            }
            return Operand.local("$unknown");
        }
        int d = depth + 1;
        int line = line(e);
        Object literal = literal(e);
        if (literal != null) {
            return Operand.constant(literal);
        }
        if (e instanceof EnclosedExpr en) {
            return expr(en.getInner(), out, d);
        }
        if (e instanceof NameExpr n) {
            String name = n.getNameAsString();
            if (isLocal(name)) {
                return Operand.local(name);
            }
            FieldInfo field = fields.get(name);
            if (field != null) {
                String t = temp();
                add(out, new Stmt.Load(t, field.isStatic() || isStatic ? null : Operand.local("this"), owner, name,
                        line));
                return Operand.local(t);
            }
            // an inherited field or a type name used as a value: a load the analysis may know nothing about
            String t = temp();
            add(out, new Stmt.Load(t, isStatic ? null : Operand.local("this"), owner, name, line));
            return Operand.local(t);
        }
        if (e instanceof ThisExpr) {
            return Operand.local("this");
        }
        if (e instanceof FieldAccessExpr f) {
            String t = temp();
            Expression scope = f.getScope();
            if (scope instanceof ThisExpr) {
                add(out, new Stmt.Load(t, Operand.local("this"), owner, f.getNameAsString(), line));
            } else if (isTypeName(scope)) {
                add(out, new Stmt.Load(t, null, types.resolve(source(scope)), f.getNameAsString(), line));
            } else if (f.getNameAsString().equals("length")) {
                Operand base = expr(scope, out, d);
                add(out, new Stmt.Invoke(t, base, null, "length", List.of(), false, line));
            } else {
                Operand base = expr(scope, out, d);
                add(out, new Stmt.Load(t, base, null, f.getNameAsString(), line));
            }
            return Operand.local(t);
        }
        if (e instanceof ArrayAccessExpr a) {
            Operand array = expr(a.getName(), out, d);
            Operand index = expr(a.getIndex(), out, d);
            String t = temp();
            add(out, new Stmt.LoadIndex(t, array, index, line));
            return Operand.local(t);
        }
        if (e instanceof MethodCallExpr call) {
            return call(call, out, d);
        }
        if (e instanceof ObjectCreationExpr n) {
            List<Operand> args = new ArrayList<>();
            n.getArguments().forEach(a -> args.add(expr(a, out, d)));
            String t = temp();
            add(out, new Stmt.Invoke(t, null, types.resolve(n.getType().getNameWithScope()), "<init>", args, true,
                    line));
            return Operand.local(t);
        }
        if (e instanceof ArrayCreationExpr n) {
            List<Operand> elements = new ArrayList<>();
            n.getLevels().forEach(level -> level.getDimension().ifPresent(dim -> expr(dim, out, d)));
            n.getInitializer().ifPresent(init -> init.getValues().forEach(v -> elements.add(expr(v, out, d))));
            String t = temp();
            add(out, new Stmt.NewArray(t, elements, line));
            return Operand.local(t);
        }
        if (e instanceof ArrayInitializerExpr n) {
            List<Operand> elements = new ArrayList<>();
            n.getValues().forEach(v -> elements.add(expr(v, out, d)));
            String t = temp();
            add(out, new Stmt.NewArray(t, elements, line));
            return Operand.local(t);
        }
        if (e instanceof VariableDeclarationExpr v) {
            for (VariableDeclarator variable : v.getVariables()) {
                String name = variable.getNameAsString();
                String type = variable.getType().isVarType() ? null : types.resolve(variable.getType().asString());
                localTypes.put(name, type == null ? "" : type);
                if (variable.getInitializer().isPresent()) {
                    Operand value = expr(variable.getInitializer().get(), out, d);
                    add(out, new Stmt.Assign(name, value, line(variable)));
                } else {
                    add(out, new Stmt.Assign(name, Operand.constant(null), line(variable)));
                }
            }
            return Operand.constant(null);
        }
        if (e instanceof AssignExpr a) {
            Operand value = expr(a.getValue(), out, d);
            if (a.getOperator() != AssignExpr.Operator.ASSIGN) {
                Operand current = expr(a.getTarget(), out, d);
                String t = temp();
                String op = a.getOperator().toBinaryOperator().map(BinaryExpr.Operator::asString).orElse("?");
                add(out, new Stmt.Binary(t, op, current, value, line));
                value = Operand.local(t);
            }
            assign(a.getTarget(), value, out, d, line);
            return value;
        }
        if (e instanceof BinaryExpr b) {
            Operand left = expr(b.getLeft(), out, d);
            Operand right = expr(b.getRight(), out, d);
            String t = temp();
            add(out, new Stmt.Binary(t, b.getOperator().asString(), left, right, line));
            return Operand.local(t);
        }
        if (e instanceof UnaryExpr u) {
            Operand operand = expr(u.getExpression(), out, d);
            switch (u.getOperator()) {
                case PREFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_INCREMENT, POSTFIX_DECREMENT -> {
                    String t = temp();
                    boolean increment = u.getOperator() == UnaryExpr.Operator.PREFIX_INCREMENT
                            || u.getOperator() == UnaryExpr.Operator.POSTFIX_INCREMENT;
                    add(out, new Stmt.Binary(t, increment ? "+" : "-", operand, Operand.constant(1L), line));
                    assign(u.getExpression(), Operand.local(t), out, d, line);
                    return u.isPrefix() ? Operand.local(t) : operand;
                }
                default -> {
                    String t = temp();
                    add(out, new Stmt.Unary(t, u.getOperator().asString(), operand, line));
                    return Operand.local(t);
                }
            }
        }
        if (e instanceof CastExpr c) {
            Operand operand = expr(c.getExpression(), out, d);
            String t = temp();
            String type = types.resolve(c.getType().asString());
            localTypes.put(t, type);
            add(out, new Stmt.Unary(t, "cast:" + type, operand, line));
            return Operand.local(t);
        }
        if (e instanceof ConditionalExpr c) {
            Operand condition = expr(c.getCondition(), out, d);
            String t = temp();
            List<Stmt> then = new ArrayList<>();
            then.add(new Stmt.Assign(t, expr(c.getThenExpr(), then, d), line));
            List<Stmt> otherwise = new ArrayList<>();
            otherwise.add(new Stmt.Assign(t, expr(c.getElseExpr(), otherwise, d), line));
            add(out, new Stmt.If(condition, then, otherwise, line));
            return Operand.local(t);
        }
        if (e instanceof InstanceOfExpr i) {
            Operand operand = expr(i.getExpression(), out, d);
            i.getPattern().ifPresent(p -> {
                if (p instanceof com.github.javaparser.ast.expr.TypePatternExpr tp) {
                    localTypes.put(tp.getNameAsString(), types.resolve(tp.getType().asString()));
                    add(out, new Stmt.Assign(tp.getNameAsString(), operand, line));
                }
            });
            String t = temp();
            add(out, new Stmt.Unary(t, "instanceof", operand, line));
            return Operand.local(t);
        }
        if (e instanceof SwitchExpr s) {
            String t = temp();
            out.addAll(lowerSwitch(s.getSelector(), s.getEntries(), t, line));
            return Operand.local(t);
        }
        if (e instanceof ClassExpr c) {
            return Operand.constant(types.resolve(c.getType().asString()) + ".class");
        }
        if (e instanceof LambdaExpr lambda) {
            List<String> parameters = new ArrayList<>();
            for (Parameter parameter : lambda.getParameters()) {
                parameters.add(parameter.getNameAsString());
                localTypes.put(parameter.getNameAsString(), parameter.getType().isUnknownType() ? ""
                        : types.resolve(parameter.getType().asString()));
            }
            List<Stmt> body = new ArrayList<>();
            if (lambda.getBody() instanceof ExpressionStmt expression) {
                Operand value = expr(expression.getExpression(), body, d);
                add(body, new Stmt.Return(value, line));
            } else {
                statement(lambda.getBody(), body);
            }
            String t = temp();
            add(out, new Stmt.Lambda(t, parameters, body, line));
            return Operand.local(t);
        }
        if (e instanceof MethodReferenceExpr reference) {
            // Type::method, expr::method, Type::new as a function of one argument: the receiver expression is
            // evaluated where the reference is made
            String parameter = temp();
            localTypes.put(parameter, "");
            String result = temp();
            List<Stmt> body = new ArrayList<>();
            Expression scope = reference.getScope();
            if (scope instanceof TypeExpr te && (isLocal(te.toString()) || fields.containsKey(te.toString()))) {
                // the parser reads a simple name before :: as a type; a local or field of that name wins
                scope = new NameExpr(te.toString());
            }
            String name = reference.getIdentifier();
            List<Operand> args = List.of(Operand.local(parameter));
            if (scope instanceof TypeExpr || isTypeName(scope)) {
                String type = types.resolve(scope instanceof TypeExpr te ? te.getType().asString() : source(scope));
                add(body, name.equals("new") ? new Stmt.Invoke(result, null, type, "<init>", args, true, line)
                        : new Stmt.Invoke(result, null, type, name, args, false, line));
            } else {
                Operand receiver = expr(scope, out, d);
                String owner = receiver instanceof Operand.Local l ? localTypes.get(l.name()) : null;
                add(body, new Stmt.Invoke(result, receiver, owner == null || owner.isEmpty() ? null : owner, name,
                        args, false, line));
            }
            add(body, new Stmt.Return(Operand.local(result), line));
            String t = temp();
            add(out, new Stmt.Lambda(t, List.of(parameter), body, line));
            return Operand.local(t);
        }
        // super, array types: values the analysis knows nothing about
        return Operand.local("$unknown");
    }

    private boolean isTypeName(Expression scope) {
        if (scope instanceof NameExpr n) {
            String name = n.getNameAsString();
            return !isLocal(name) && !fields.containsKey(name)
                    && (types.isKnownType(name) || Character.isUpperCase(name.charAt(0)));
        }
        if (scope instanceof FieldAccessExpr f) {
            // java.lang.System, a.b.C: a dotted path whose head is a package (lower case, not a variable)
            Expression head = f;
            while (head instanceof FieldAccessExpr fa) {
                head = fa.getScope();
            }
            return head instanceof NameExpr n && !isLocal(n.getNameAsString())
                    && !fields.containsKey(n.getNameAsString()) && Character.isLowerCase(n.getNameAsString().charAt(0))
                    && Character.isUpperCase(f.getNameAsString().charAt(0));
        }
        return false;
    }

    private Operand call(MethodCallExpr call, List<Stmt> out, int d) {
        int line = line(call);
        Operand receiver;
        String ownerType;
        if (call.getScope().isEmpty()) {
            receiver = isStatic ? null : Operand.local("this");
            ownerType = owner;
        } else {
            Expression scope = call.getScope().get();
            if (isTypeName(scope)) {
                receiver = null;
                ownerType = types.resolve(source(scope));
            } else if (scope instanceof com.github.javaparser.ast.expr.SuperExpr) {
                receiver = Operand.local("this");
                ownerType = "super:" + owner;
            } else {
                receiver = expr(scope, out, d);
                ownerType = receiver instanceof Operand.Local l ? localTypes.get(l.name())
                        : scope instanceof ClassExpr ? "java.lang.Class" : "java.lang.String";
                if (ownerType != null && ownerType.isEmpty()) {
                    ownerType = null;
                }
            }
        }
        List<Operand> args = new ArrayList<>();
        for (Expression argument : call.getArguments()) {
            args.add(expr(argument, out, d));
        }
        String t = temp();
        add(out, new Stmt.Invoke(t, receiver, ownerType, call.getNameAsString(), args, false, line));
        return Operand.local(t);
    }

    private void assign(Expression target, Operand value, List<Stmt> out, int d, int line) {
        if (target instanceof NameExpr n) {
            String name = n.getNameAsString();
            if (isLocal(name)) {
                add(out, new Stmt.Assign(name, value, line));
            } else {
                FieldInfo field = fields.get(name);
                boolean staticField = field != null ? field.isStatic() || isStatic : isStatic;
                add(out, new Stmt.Store(staticField ? null : Operand.local("this"), owner, name, value, line));
            }
        } else if (target instanceof FieldAccessExpr f) {
            Expression scope = f.getScope();
            if (scope instanceof ThisExpr) {
                add(out, new Stmt.Store(Operand.local("this"), owner, f.getNameAsString(), value, line));
            } else if (isTypeName(scope)) {
                add(out, new Stmt.Store(null, types.resolve(source(scope)), f.getNameAsString(), value, line));
            } else {
                add(out, new Stmt.Store(expr(scope, out, d), null, f.getNameAsString(), value, line));
            }
        } else if (target instanceof ArrayAccessExpr a) {
            Operand array = expr(a.getName(), out, d);
            Operand index = expr(a.getIndex(), out, d);
            add(out, new Stmt.StoreIndex(array, index, value, line));
        }
    }
}
