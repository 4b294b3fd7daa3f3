package io.jenkins.plugins.devsecops.sast.ir;

import java.util.List;

/**
 * One statement of the three-address IR a front end lowers each method to. Every statement does one thing to
 * operands; control flow stays structured ({@link If}, {@link Loop}, {@link Switch}, {@link Try}) so the analysis
 * can prune branches whose condition folds to a constant. Nothing here is specific to Java: a JavaScript or Python
 * front end lowers to the same statements.
 */
public sealed interface Stmt {

    /** The 1-based source line, 0 when unknown. */
    int line();

    /** {@code target = value}. */
    record Assign(String target, Operand value, int line) implements Stmt {
    }

    /** {@code target = left op right}; {@code op} is the source operator ({@code +}, {@code ==}, {@code &&}, ...). */
    record Binary(String target, String op, Operand left, Operand right, int line) implements Stmt {
    }

    /** {@code target = op operand}; {@code op} is {@code !}, {@code -}, {@code ~} or {@code cast}. */
    record Unary(String target, String op, Operand operand, int line) implements Stmt {
    }

    /**
     * A call. {@code receiver} is {@code null} for a static call; {@code owner} the receiver's static type or the
     * class named in a static call (as precise as the front end knows, possibly a simple name or {@code null});
     * {@code constructor} marks {@code new Owner(args)}, whose result is the new object. {@code target} may be
     * {@code null} when the result is unused.
     */
    record Invoke(String target, Operand receiver, String owner, String method, List<Operand> args,
            boolean constructor, int line) implements Stmt {
        public Invoke {
            args = List.copyOf(args);
        }
    }

    /** {@code target = base.field}; {@code base} is {@code null} for a static field of {@code owner}. */
    record Load(String target, Operand base, String owner, String field, int line) implements Stmt {
    }

    /** {@code base.field = value}; {@code base} is {@code null} for a static field of {@code owner}. */
    record Store(Operand base, String owner, String field, Operand value, int line) implements Stmt {
    }

    /** {@code target = array[index]}. */
    record LoadIndex(String target, Operand array, Operand index, int line) implements Stmt {
    }

    /** {@code array[index] = value}. */
    record StoreIndex(Operand array, Operand index, Operand value, int line) implements Stmt {
    }

    /** {@code target = new T[]{elements}} (or an empty array of unknown size when {@code elements} is empty). */
    record NewArray(String target, List<Operand> elements, int line) implements Stmt {
        public NewArray {
            elements = List.copyOf(elements);
        }
    }

    /** {@code if (condition) then else otherwise}; the condition was computed by statements before this one. */
    record If(Operand condition, List<Stmt> then, List<Stmt> otherwise, int line) implements Stmt {
        public If {
            then = List.copyOf(then);
            otherwise = List.copyOf(otherwise);
        }
    }

    /**
     * A loop: {@code header} computes {@code condition} (null: no condition, loops until a break) before each
     * iteration; {@code body} then {@code update} run while it holds. {@code bodyFirst} marks a do-while loop.
     */
    record Loop(List<Stmt> header, Operand condition, List<Stmt> body, List<Stmt> update, boolean bodyFirst,
            int line) implements Stmt {
        public Loop {
            header = List.copyOf(header);
            body = List.copyOf(body);
            update = List.copyOf(update);
        }
    }

    /** One arm of a {@link Switch}: its constant labels (none for {@code default}) and body. */
    record Case(List<Object> labels, boolean isDefault, List<Stmt> body) {
        public Case {
            labels = List.copyOf(labels);
            body = List.copyOf(body);
        }
    }

    /** A switch on {@code selector}; {@code fallsThrough} when arms run into the next one without a break. */
    record Switch(Operand selector, List<Case> cases, boolean fallsThrough, int line) implements Stmt {
        public Switch {
            cases = List.copyOf(cases);
        }
    }

    /** A try statement: its body, each catch handler, and the finally block (empty when none). */
    record Try(List<Stmt> body, List<List<Stmt>> handlers, List<Stmt> finallyBlock, int line) implements Stmt {
        public Try {
            body = List.copyOf(body);
            handlers = MethodIr.copyOfLists(handlers);
            finallyBlock = List.copyOf(finallyBlock);
        }
    }

    /**
     * {@code target = (parameters) -> body}: a function value (a lambda or a method reference). Its body runs where
     * the function is applied, with the parameters bound to the arguments; a {@link Return} in the body gives the
     * function's result, not the enclosing method's. The body reads the enclosing method's locals it captures.
     */
    record Lambda(String target, List<String> parameters, List<Stmt> body, int line) implements Stmt {
        public Lambda {
            parameters = List.copyOf(parameters);
            body = List.copyOf(body);
        }
    }

    /** {@code return value} ({@code value} null for a void return). */
    record Return(Operand value, int line) implements Stmt {
    }

    /** {@code throw value}. */
    record Throw(Operand value, int line) implements Stmt {
    }

    /** {@code break} out of the innermost loop or switch. */
    record Break(int line) implements Stmt {
    }

    /** {@code continue} with the next iteration of the innermost loop. */
    record Continue(int line) implements Stmt {
    }
}
