package nas.server;

import java.util.Map;

/** The named arguments of one call, read with the type each parameter has. */
public final class Args {

    private final Map<String, Object> values;

    public Args(Map<String, Object> values) {
        this.values = values;
    }

    public Object get(String name) {
        return values.get(name);
    }

    public long getLong(String name) {
        return number(name).longValue();
    }

    public int getInt(String name) {
        return number(name).intValue();
    }

    public double getDouble(String name) {
        return number(name).doubleValue();
    }

    public boolean getBoolean(String name) {
        Object v = required(name);
        if (!(v instanceof Boolean b)) {
            throw new IllegalArgumentException("argument '" + name + "' must be true or false, but got " + v);
        }
        return b;
    }

    public String getString(String name) {
        Object v = values.get(name);
        if (v != null && !(v instanceof String)) {
            throw new IllegalArgumentException("argument '" + name + "' must be a string, but got " + v);
        }
        return (String) v;
    }

    private Number number(String name) {
        Object v = required(name);
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException("argument '" + name + "' must be a number, but got " + v);
        }
        return n;
    }

    private Object required(String name) {
        if (!values.containsKey(name)) {
            throw new IllegalArgumentException("argument '" + name + "' is missing");
        }
        return values.get(name);
    }
}
