package io.jenkins.plugins.devsecops.jenkins.overview;

import java.io.IOException;
import org.kohsuke.stapler.HttpResponses;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

/**
 * HTTP 400 with the engine's message about a bad query parameter as plain text (never HTML, never a stack trace),
 * thrown from a web method or getter so Stapler renders it.
 */
final class BadQueryResponse extends HttpResponses.HttpResponseException {

    private static final long serialVersionUID = 1L;

    BadQueryResponse(String message) {
        super(message);
    }

    @Override
    public void generateResponse(StaplerRequest2 request, StaplerResponse2 response, Object node)
            throws IOException {
        try {
            HttpResponses.status(400).generateResponse(request, response, node);
            HttpResponses.text(getMessage() + "\n").generateResponse(request, response, node);
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }
}
