package dev.billinggateway.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.jboss.logging.Logger;

import dev.billinggateway.domain.ErrorCode;
import dev.billinggateway.domain.GatewayException;
import graphql.ErrorClassification;
import graphql.ExceptionWhileDataFetching;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.language.SourceLocation;

/**
 * Gives every GraphQL error an {@code extensions.code} from the one list ({@link ErrorCode}): gateway
 * errors keep their code and provider details, syntax and schema-validation errors become VALIDATION,
 * anything else becomes INTERNAL with a generic message (the cause goes to the server log only, so no
 * stack trace or internal message reaches a client).
 */
public class UnifiedErrors extends SimplePerformantInstrumentation {

    private static final Logger LOG = Logger.getLogger(UnifiedErrors.class);

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
            InstrumentationExecutionParameters parameters, InstrumentationState state) {
        if (result.getErrors().isEmpty()) {
            return CompletableFuture.completedFuture(result);
        }
        List<GraphQLError> unified = new ArrayList<>();
        for (GraphQLError error : result.getErrors()) {
            unified.addAll(unify(error));
        }
        return CompletableFuture.completedFuture(result.transform(b -> b.errors(unified)));
    }

    static List<GraphQLError> unify(GraphQLError error) {
        if (error instanceof ExceptionWhileDataFetching fetching) {
            Throwable cause = unwrap(fetching.getException());
            if (cause instanceof ProviderFailures partial) {
                return partial.failures().stream().<GraphQLError>map(f -> of(f, error)).toList();
            }
            if (cause instanceof GatewayException g) {
                if (g.code() == ErrorCode.INTERNAL && g.getCause() != null) {
                    LOG.error("Internal error at " + error.getPath(), g.getCause());
                }
                return List.of(of(g, error));
            }
            LOG.error("Internal error at " + error.getPath(), cause);
            return List.of(new Unified("internal error", error, Map.of("code", ErrorCode.INTERNAL.name())));
        }
        if (error instanceof AbortExecutionException) {
            // query depth/complexity limits
            return List.of(new Unified(error.getMessage(), error, Map.of("code", ErrorCode.VALIDATION.name(), "rule", "query limits")));
        }
        ErrorClassification type = error.getErrorType();
        String kind = type == null ? "" : type.toString();
        if (kind.equals("ValidationError") || kind.equals("InvalidSyntax") || kind.equals("OperationNotSupported")
                || kind.contains("Validation")) {
            Map<String, Object> ext = new LinkedHashMap<>();
            ext.put("code", ErrorCode.VALIDATION.name());
            ext.put("classification", kind);
            return List.of(new Unified(error.getMessage(), error, ext));
        }
        Object code = error.getExtensions() == null ? null : error.getExtensions().get("code");
        if (code != null && isUnified(code.toString())) {
            return List.of(error);
        }
        LOG.warnf("Unclassified GraphQL error (%s): %s", kind, error.getMessage());
        return List.of(new Unified("internal error", error, Map.of("code", ErrorCode.INTERNAL.name())));
    }

    private static boolean isUnified(String code) {
        for (ErrorCode c : ErrorCode.values()) {
            if (c.name().equals(code)) {
                return true;
            }
        }
        return false;
    }

    private static GraphQLError of(GatewayException g, GraphQLError at) {
        return new Unified(g.getMessage(), at, g.extensions());
    }

    private static Throwable unwrap(Throwable t) {
        Throwable current = t;
        while ((current instanceof CompletionException || current instanceof CustomerApi.PartialResult
                || current.getClass().getName().endsWith("DataFetcherException")) && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    /** An error as the client sees it. */
    static final class Unified implements GraphQLError {
        private final String message;
        private final List<SourceLocation> locations;
        private final List<Object> path;
        private final Map<String, Object> extensions;

        Unified(String message, GraphQLError at, Map<String, Object> extensions) {
            this.message = message;
            this.locations = at.getLocations();
            this.path = at.getPath();
            this.extensions = extensions;
        }

        @Override
        public String getMessage() {
            return message;
        }

        @Override
        public List<SourceLocation> getLocations() {
            return locations;
        }

        @Override
        public List<Object> getPath() {
            return path;
        }

        @Override
        public ErrorClassification getErrorType() {
            return ErrorClassification.errorClassification(String.valueOf(extensions.get("code")));
        }

        @Override
        public Map<String, Object> getExtensions() {
            return extensions;
        }
    }
}
