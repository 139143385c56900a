package vn.gov.bvhttdl.dvc.local.invoker;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.CustomPojoSerializer;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.ServiceLoader;

/**
 * Runs inside one function's class loader and does what the Lambda Java runtime does: create the handler once
 * (the cold start), then for each invocation turn the event JSON into the handler's input type — with the
 * function's own {@link CustomPojoSerializer} if its jar registers one, else with the runtime's serializers —
 * call it with a {@link Context}, and turn the result back into JSON.
 * Only JDK types cross the class-loader boundary (the runner calls {@link #invoke} reflectively).
 */
public final class Invoker {
    private final Object handler;
    private final Method method;
    private final Type inputType;
    private final Type outputType;
    private final CustomPojoSerializer custom;
    private final String functionName;
    private final int memoryMb;

    public Invoker(String handlerClass, String functionName, int memoryMb) throws Exception {
        ClassLoader loader = Invoker.class.getClassLoader();
        Class<?> type = Class.forName(handlerClass, true, loader);
        this.handler = type.getDeclaredConstructor().newInstance();
        this.functionName = functionName;
        this.memoryMb = memoryMb;
        Iterator<CustomPojoSerializer> it = ServiceLoader.load(CustomPojoSerializer.class, loader).iterator();
        this.custom = it.hasNext() ? it.next() : null;
        if (handler instanceof RequestStreamHandler) {
            method = null;
            inputType = null;
            outputType = null;
        } else if (handler instanceof RequestHandler) {
            Method m = null;
            for (Method candidate : type.getMethods()) {
                if (candidate.getName().equals("handleRequest") && candidate.getParameterCount() == 2
                        && candidate.getParameterTypes()[1] == Context.class && !candidate.isBridge()) {
                    m = candidate;
                }
            }
            if (m == null) throw new IllegalStateException(handlerClass + " has no handleRequest(T, Context)");
            method = m;
            Type[] io = requestHandlerTypes(type);
            inputType = io[0];
            outputType = io[1];
        } else {
            throw new IllegalStateException(handlerClass + " is neither a RequestHandler nor a RequestStreamHandler");
        }
    }

    /**
     * The actual {@code I} and {@code O} of {@code RequestHandler<I, O>} for {@code type}, following type variables
     * through generic superclasses (e.g. {@code MicronautRequestHandler<SQSEvent, SQSBatchResponse>}), as the
     * Lambda runtime resolves them.
     */
    static Type[] requestHandlerTypes(Class<?> type) {
        java.util.Map<java.lang.reflect.TypeVariable<?>, Type> bound = new java.util.HashMap<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            java.util.List<Type> supers = new java.util.ArrayList<>(java.util.List.of(c.getGenericInterfaces()));
            supers.add(c.getGenericSuperclass());
            for (Type s : supers) {
                if (s instanceof java.lang.reflect.ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
                    java.lang.reflect.TypeVariable<?>[] vars = raw.getTypeParameters();
                    Type[] args = p.getActualTypeArguments();
                    for (int i = 0; i < vars.length; i++) {
                        Type a = args[i];
                        while (a instanceof java.lang.reflect.TypeVariable<?> v && bound.containsKey(v)) a = bound.get(v);
                        bound.putIfAbsent(vars[i], a);
                    }
                    if (raw == RequestHandler.class) return resolveAll(args, bound);
                }
            }
        }
        java.lang.reflect.TypeVariable<?>[] vars = RequestHandler.class.getTypeParameters();
        return resolveAll(new Type[]{vars[0], vars[1]}, bound);
    }

    private static Type[] resolveAll(Type[] types, java.util.Map<java.lang.reflect.TypeVariable<?>, Type> bound) {
        Type[] out = new Type[types.length];
        for (int i = 0; i < types.length; i++) {
            Type t = types[i];
            while (t instanceof java.lang.reflect.TypeVariable<?> v && bound.containsKey(v)) t = bound.get(v);
            if (t instanceof java.lang.reflect.TypeVariable<?>) t = Object.class;
            out[i] = t;
        }
        return out;
    }

    /** One invocation: JSON in, JSON out ("null" for no result). Exceptions propagate as the function error. */
    public String invoke(String eventJson, String requestId, long timeoutMillis) throws Throwable {
        Context context = new LocalContext(requestId, functionName, memoryMb, System.currentTimeMillis() + timeoutMillis);
        if (handler instanceof RequestStreamHandler s) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            s.handleRequest(new ByteArrayInputStream(eventJson.getBytes(StandardCharsets.UTF_8)), out, context);
            return out.toString(StandardCharsets.UTF_8);
        }
        Object input = fromJson(eventJson);
        Object output;
        try {
            output = method.invoke(handler, input, context);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
        if (output == null || outputType == Void.class || outputType == void.class) return "null";
        return toJson(output);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object fromJson(String json) {
        if (custom != null) return custom.fromJson(json, inputType);
        if (!(inputType instanceof Class<?>)) {
            // a generic input such as Map<String, Object>: the runtime reads it with its Jackson, by the full type
            return com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory.getInstance()
                    .getSerializer(inputType).fromJson(json);
        }
        Class<?> c = (Class<?>) inputType;
        PojoSerializer s = LambdaEventSerializers.serializerFor(c, Invoker.class.getClassLoader());
        return s.fromJson(json);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private String toJson(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (custom != null) {
            custom.toJson(value, out, outputType);
        } else if (!(outputType instanceof Class<?>)) {
            com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory.getInstance()
                    .getSerializer(outputType).toJson(value, out);
        } else {
            PojoSerializer s = LambdaEventSerializers.serializerFor(value.getClass(), Invoker.class.getClassLoader());
            s.toJson(value, out);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Closes the handler if it holds resources (Micronaut's application context). */
    public void close() throws Exception {
        if (handler instanceof AutoCloseable c) c.close();
    }

    private record LocalContext(String requestId, String functionName, int memoryMb, long deadline) implements Context {
        @Override public String getAwsRequestId() { return requestId; }
        @Override public String getLogGroupName() { return "/local/" + functionName; }
        @Override public String getLogStreamName() { return "local"; }
        @Override public String getFunctionName() { return functionName; }
        @Override public String getFunctionVersion() { return "$LATEST"; }
        @Override public String getInvokedFunctionArn() { return "arn:aws:lambda:local:000000000000:function:" + functionName; }
        @Override public CognitoIdentity getIdentity() { return null; }
        @Override public ClientContext getClientContext() { return null; }
        @Override public int getRemainingTimeInMillis() { return (int) Math.max(0, deadline - System.currentTimeMillis()); }
        @Override public int getMemoryLimitInMB() { return memoryMb; }
        @Override public LambdaLogger getLogger() {
            return new LambdaLogger() {
                @Override public void log(String message) { System.out.print(message); }
                @Override public void log(byte[] message) { System.out.print(new String(message, StandardCharsets.UTF_8)); }
            };
        }
    }
}
