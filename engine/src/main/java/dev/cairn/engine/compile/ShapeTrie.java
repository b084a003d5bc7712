package dev.cairn.engine.compile;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiled statements by the tokens of their shape, kept as a tree with one edge per token: a statement finds its
 * compiled form by following its tokens from the root as its walk tells them, so a hit neither hashes the tokens nor
 * stores them anywhere, and statements that begin alike share their first nodes.
 *
 * <p>Tokens match as the shape cache always matched them: the same object, else {@code equals}. Reads take no lock
 * and see each node's children as one published value (a node, an array, or a map for a node with many); additions
 * come from compilations, which are rare, and are serialised by the cache that owns the tree.
 */
final class ShapeTrie {
    /** Above this many children, a node looks them up in a map rather than by scanning. */
    private static final int SCANNED = 8;

    private volatile Node root = new Node(null);

    /** Where a lookup starts. */
    Node root() {
        return root;
    }

    /** Drops every shape; lookups under way finish on the tree they started on. */
    void clear() {
        root = new Node(null);
    }

    /**
     * Stores {@code compiled} under {@code tokens}; returns the statement stored there before, if a racing thread
     * compiled the same shape first, else {@code compiled}. Callers serialise additions.
     */
    CompiledQuery add(List<Object> tokens, CompiledQuery compiled) {
        Node n = root;
        for (int i = 0, size = tokens.size(); i < size; i++) {
            n = n.childOrAdd(tokens.get(i));
        }
        CompiledQuery raced = n.query;
        if (raced != null) {
            return raced;
        }
        n.query = compiled;
        return compiled;
    }

    /** A token of a shape, its children, and the compiled statement of the shape that ends here, if any. */
    static final class Node {
        private final Object token;
        // Null, the one child, a Node[] of a few, or a ConcurrentHashMap<Object, Node> of many.
        private volatile Object next;
        private volatile CompiledQuery query;

        private Node(Object token) {
            this.token = token;
        }

        /** The compiled statement of the shape whose last token is this node's, or null. */
        CompiledQuery query() {
            return query;
        }

        /** The child for {@code t}, or null. Identity is tried on every child before {@code equals} on any. */
        Node child(Object t) {
            Object n = next;
            if (n instanceof Node only) {
                return only.token == t || only.token.equals(t) ? only : null;
            }
            if (n instanceof Node[] few) {
                for (Node k : few) {
                    if (k.token == t) {
                        return k;
                    }
                }
                for (Node k : few) {
                    if (k.token.equals(t)) {
                        return k;
                    }
                }
                return null;
            }
            if (n == null) {
                return null;
            }
            @SuppressWarnings("unchecked")
            ConcurrentHashMap<Object, Node> many = (ConcurrentHashMap<Object, Node>) n;
            return many.get(t);
        }

        private Node childOrAdd(Object t) {
            Node found = child(t);
            if (found != null) {
                return found;
            }
            Node added = new Node(t);
            Object n = next;
            if (n == null) {
                next = added;
            } else if (n instanceof Node only) {
                next = new Node[] {only, added};
            } else if (n instanceof Node[] few && few.length < SCANNED) {
                Node[] more = java.util.Arrays.copyOf(few, few.length + 1);
                more[few.length] = added;
                next = more;
            } else if (n instanceof Node[] few) {
                ConcurrentHashMap<Object, Node> many = new ConcurrentHashMap<>();
                for (Node k : few) {
                    many.put(k.token, k);
                }
                many.put(t, added);
                next = many;
            } else {
                @SuppressWarnings("unchecked")
                ConcurrentHashMap<Object, Node> many = (ConcurrentHashMap<Object, Node>) n;
                many.put(t, added);
            }
            return added;
        }
    }
}
