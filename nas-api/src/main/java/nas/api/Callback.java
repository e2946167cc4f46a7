package nas.api;

/** Called by {@link Study#optimize} after every finished trial, on the worker thread that ran it. */
@FunctionalInterface
public interface Callback {

    void afterTrial(Study study, FrozenTrial trial);
}
