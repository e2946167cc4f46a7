package nas.server;

/**
 * A method a server offers under a name: named JSON arguments in, a JSON-ready value out (maps,
 * lists, strings, numbers, booleans, null). What it throws goes back as a {@link WireError}.
 */
@FunctionalInterface
public interface RpcMethod {

    Object call(Args args) throws Exception;
}
