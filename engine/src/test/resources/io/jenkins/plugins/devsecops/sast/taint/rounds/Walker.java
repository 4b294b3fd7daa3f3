package rounds;

/**
 * Two methods calling each other on the way to a command: every round of the analysis finds the path from a
 * parameter to the sink one call longer, with the same source, sink and sanitisation.
 */
public class Walker {

    static void down(String command, int depth) throws Exception {
        if (depth > 0) {
            up(command + "/" + depth, depth - 1);
        }
        Runtime.getRuntime().exec(command);
    }

    static void up(String command, int depth) throws Exception {
        if (depth > 0) {
            down(command + "." + depth, depth - 1);
        }
    }

    void handle(javax.servlet.http.HttpServletRequest request) throws Exception {
        up(request.getParameter("path"), 3);
    }

    void handleAgain(javax.servlet.http.HttpServletRequest request) throws Exception {
        down(request.getHeader("X-Path"), 2);
    }
}
