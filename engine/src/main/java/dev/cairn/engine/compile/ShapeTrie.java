package dev.cairn.engine.compile;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiled statements by the tokens of their shape, kept as a tree whose edges are runs of tokens (a radix tree): a
 * statement finds its compiled form by following its tokens from the root as its walk tells them, so a hit neither
 * hashes the tokens nor stores them anywhere, and statements that begin alike share their first nodes.
 *
 * <p>A node holds the whole run of tokens that no other shape branches off, in one array. Following a shape is then
 * mostly a step along an array, with a new node only where shapes part: for a one-shape path, one array read per
 * token instead of a chain of nodes to load one after another, and a {@link Cursor} that stores a position rather
 * than a node per token.
 *
 * <p>Tokens match as the shape cache always matched them: the same object, else {@code equals}. Reads take no lock
 * and see each node's children as one published value (a node, an array, or a map for a node with many); a node's
 * run never changes once published. Additions come from compilations, which are rare, and are serialised by the
 * cache that owns the tree; one that parts a run replaces its node with two new ones, and lookups under way finish
 * on the nodes they started on.
 */
final class ShapeTrie {
    /** Above this many children, a node looks them up in a map rather than by scanning. */
    private static final int SCANNED = 8;
    private static final Object[] NO_TOKENS = {};

    // Its run is empty: every shape starts below it.
    private volatile Node root = new Node(NO_TOKENS, null, null);

    /** Drops every shape; lookups under way finish on the tree they started on. */
    void clear() {
        root = new Node(NO_TOKENS, null, null);
    }

    /**
     * Stores {@code compiled} under {@code tokens}; returns the statement stored there before, if a racing thread
     * compiled the same shape first, else {@code compiled}. Callers serialise additions.
     */
    CompiledQuery add(List<Object> tokens, CompiledQuery compiled) {
        Node n = root;
        int i = 0;
        int size = tokens.size();
        while (i < size) {
            Node c = n.child(tokens.get(i));
            if (c == null) {
                n.addChild(new Node(tokens.subList(i, size).toArray(), null, compiled));
                return compiled;
            }
            int k = 1; // the first token of c's run is the one it was found by
            while (k < c.run.length && i + k < size && same(c.run[k], tokens.get(i + k))) {
                k++;
            }
            if (k < c.run.length) {
                // The shape parts from c's run, or ends inside it: a node for the shared part, above one for the rest.
                Node rest = new Node(Arrays.copyOfRange(c.run, k, c.run.length), c.next, c.query);
                Node shared = new Node(Arrays.copyOf(c.run, k), rest, null);
                n.replaceChild(c, shared);
                c = shared;
            }
            n = c;
            i += k;
        }
        CompiledQuery raced = n.query;
        if (raced != null) {
            return raced;
        }
        n.query = compiled;
        return compiled;
    }

    private static boolean same(Object a, Object b) {
        return a == b || a.equals(b);
    }

    /**
     * A position in the tree while a shape's tokens are followed: a node, and how many tokens of its run have
     * matched. Made once and reused; not thread-safe.
     */
    static class Cursor {
        private Node at;
        private int matched;

        /** Starts at the root of {@code trie}. */
        final void start(ShapeTrie trie) {
            at = trie.root;
            matched = 0;
        }

        /** Follows one token; once a token has no way on, the cursor stays lost until the next start. */
        final void step(Object token) {
            Node n = at;
            if (n == null) {
                return;
            }
            Object[] run = n.run;
            int m = matched;
            if (m < run.length) {
                if (same(run[m], token)) {
                    matched = m + 1;
                } else {
                    at = null;
                }
            } else {
                at = n.child(token);
                matched = 1;
            }
        }

        /** The statement of the shape whose tokens were followed since the start, or null. */
        final CompiledQuery query() {
            Node n = at;
            return n != null && matched == n.run.length ? n.query : null;
        }

        /** Lets go of the tree, so that a cursor kept by a thread holds no cleared shapes. */
        final void release() {
            at = null;
        }
    }

    /** A run of tokens of a shape, the nodes below it, and the compiled statement of the shape that ends here. */
    static final class Node {
        private final Object[] run;
        // Null, the one child, a Node[] of a few, or a ConcurrentHashMap<Object, Node> of many, by their first token.
        private volatile Object next;
        private volatile CompiledQuery query;

        private Node(Object[] run, Object next, CompiledQuery query) {
            this.run = run;
            this.next = next;
            this.query = query;
        }

        /** The child whose run starts with {@code t}, or null. Identity is tried on every child before equals. */
        Node child(Object t) {
            Object n = next;
            if (n instanceof Node only) {
                return same(only.run[0], t) ? only : null;
            }
            if (n instanceof Node[] few) {
                for (Node k : few) {
                    if (k.run[0] == t) {
                        return k;
                    }
                }
                for (Node k : few) {
                    if (k.run[0].equals(t)) {
                        return k;
                    }
                }
                return null;
            }
            return n == null ? null : map(n).get(t);
        }

        private void addChild(Node added) {
            Object n = next;
            if (n == null) {
                next = added;
            } else if (n instanceof Node only) {
                next = new Node[] {only, added};
            } else if (n instanceof Node[] few && few.length < SCANNED) {
                Node[] more = Arrays.copyOf(few, few.length + 1);
                more[few.length] = added;
                next = more;
            } else if (n instanceof Node[] few) {
                ConcurrentHashMap<Object, Node> many = new ConcurrentHashMap<>();
                for (Node k : few) {
                    many.put(k.run[0], k);
                }
                many.put(added.run[0], added);
                next = many;
            } else {
                map(n).put(added.run[0], added);
            }
        }

        /** Puts {@code by} where {@code old} was; both runs start with the same token. */
        private void replaceChild(Node old, Node by) {
            Object n = next;
            if (n == old) {
                next = by;
            } else if (n instanceof Node[] few) {
                Node[] copy = few.clone();
                copy[Arrays.asList(few).indexOf(old)] = by;
                next = copy;
            } else {
                map(n).put(by.run[0], by);
            }
        }

        @SuppressWarnings("unchecked")
        private static ConcurrentHashMap<Object, Node> map(Object next) {
            return (ConcurrentHashMap<Object, Node>) next;
        }
    }
}
