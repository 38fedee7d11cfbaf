package dev.billinggateway.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;

import dev.billinggateway.domain.ErrorCode;
import dev.billinggateway.persistence.StorageOutage;
import dev.billinggateway.domain.GatewayException;
import dev.billinggateway.observability.GraphQLObservation;
import dev.billinggateway.security.QueryLimits;
import graphql.ErrorClassification;
import graphql.ExceptionWhileDataFetching;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.language.SourceLocation;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;

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
        boolean several = result.getErrors().size() > 1;
        for (GraphQLError error : result.getErrors()) {
            if (several && isNullBubble(error)) {
                continue; // the null a failed field left behind: the other error says why
            }
            unified.addAll(unify(error));
        }
        withTraceId(unified, GraphQLObservation.traceId(parameters.getGraphQLContext()));
        return CompletableFuture.completedFuture(result.transform(b -> b.errors(unified)));
    }

    static List<GraphQLError> unify(GraphQLError error) {
        if (error instanceof ExceptionWhileDataFetching fetching) {
            Throwable cause = unwrap(fetching.getException());
            if (cause instanceof ProviderFailures partial) {
                return partial.failures().stream().<GraphQLError>map(f -> of(f, error)).toList();
            }
            if (StorageOutage.isStorageUnreachable(cause)) {
                return List.of(of(StorageOutage.unavailable(cause), error)); // logged once per outage, not per request
            }
            if (cause instanceof GatewayException g) {
                if (g.code() == ErrorCode.INTERNAL && g.getCause() != null) {
                    LOG.error("Internal error at " + error.getPath(), g.getCause());
                }
                return List.of(of(g, error));
            }
            if (cause instanceof CoercingParseLiteralException || cause instanceof CoercingParseValueException) {
                // SmallRye converting an argument to its Java type (an Int beyond 32 bits): the client's value, not a fault
                return List.of(new Unified("an argument has a value its type cannot hold: " + cause.getMessage(), error,
                        Map.of("code", ErrorCode.VALIDATION.name(), "rule", "type")));
            }
            ErrorCode security = securityCode(cause);
            if (security != null) {
                return List.of(new Unified(security == ErrorCode.FORBIDDEN ? "this operation needs another role"
                        : "a valid bearer token is required", error, Map.of("code", security.name())));
            }
            LOG.error("Internal error at " + error.getPath(), cause);
            return List.of(new Unified("internal error", error, Map.of("code", ErrorCode.INTERNAL.name())));
        }
        if (error instanceof QueryLimits.LimitExceeded limit) {
            return List.of(new Unified(error.getMessage(), error, Map.of("code", ErrorCode.VALIDATION.name(), "rule", limit.rule())));
        }
        if (error instanceof AbortExecutionException) {
            // query depth/complexity limits
            return List.of(new Unified(error.getMessage(), error, Map.of("code", ErrorCode.VALIDATION.name(), "rule", "query limits")));
        }
        ErrorClassification type = error.getErrorType();
        String kind = type == null ? "" : type.toString();
        if (kind.equals("BadFaithIntrospection")) {
            // graphql-java's good-faith introspection limits refused the query
            return List.of(new Unified(error.getMessage(), error, Map.of("code", ErrorCode.VALIDATION.name(), "rule", "good-faith-introspection")));
        }
        if (kind.equals("ValidationError") || kind.equals("InvalidSyntax") || kind.equals("OperationNotSupported")
                || kind.contains("Validation")) {
            Map<String, Object> ext = new LinkedHashMap<>();
            ext.put("code", ErrorCode.VALIDATION.name());
            ext.put("classification", kind);
            String message = error.getMessage();
            Matcher argument = message == null ? null : INVALID_ARGUMENT.matcher(message);
            if (argument != null && argument.matches()) {
                // SmallRye's words for a variable it could not convert echo the whole value and name a Java class
                String expected = argument.group(2);
                Matcher javaType = UNKNOWN_SCALAR.matcher(expected);
                if (javaType.matches()) {
                    expected = javaType.group(1).substring(javaType.group(1).lastIndexOf('.') + 1);
                }
                message = "argument '" + argument.group(1) + "' is not a valid " + expected
                        + ": a value has the wrong type or format (numbers, ISO-8601 dates, decimal amounts as strings, enum values)";
                ext.put("field", argument.group(1));
            }
            return List.of(new Unified(message, error, ext));
        }
        Object code = error.getExtensions() == null ? null : error.getExtensions().get("code");
        if (code != null && isUnified(code.toString())) {
            return List.of(error);
        }
        LOG.warnf("Unclassified GraphQL error (%s): %s", kind, error.getMessage());
        return List.of(new Unified("internal error", error, Map.of("code", ErrorCode.INTERNAL.name())));
    }

    /** {@code extensions.traceId}: a client quotes it, an operator finds the request's trace and log lines by it. */
    private static void withTraceId(List<GraphQLError> errors, String traceId) {
        if (traceId == null) {
            return;
        }
        errors.replaceAll(e -> {
            Map<String, Object> extensions = new LinkedHashMap<>(e.getExtensions() == null ? Map.of() : e.getExtensions());
            extensions.put("traceId", traceId);
            return new Unified(e.getMessage(), e, extensions);
        });
    }

    /** Quarkus security exceptions (an annotation-based check, or a token that failed lazily) as unified codes. */
    static ErrorCode securityCode(Throwable cause) {
        if (cause instanceof io.quarkus.security.ForbiddenException) {
            return ErrorCode.FORBIDDEN;
        }
        if (cause instanceof io.quarkus.security.UnauthorizedException
                || cause instanceof io.quarkus.security.AuthenticationFailedException
                || cause instanceof io.quarkus.security.AuthenticationException) {
            return ErrorCode.UNAUTHENTICATED;
        }
        return null;
    }

    private static final Pattern INVALID_ARGUMENT = Pattern.compile("argument '([^']+)' with value .* is not a valid '(.*)'",
            Pattern.DOTALL);
    private static final Pattern UNKNOWN_SCALAR = Pattern.compile("Unknown Scalar Type \\[(.*)\\]");

    private static boolean isNullBubble(GraphQLError error) {
        return error.getErrorType() != null && "NullValueInNonNullableField".equals(error.getErrorType().toString());
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
        while ((current instanceof CompletionException || current instanceof Connections.PartialResult
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
