package dev.cairn.examples.teams;

/** A row of {@link Sponsors}. */
public record Sponsor(Long id, Long playerId, String name) {
    /** A new sponsor, not yet stored and not yet backing a player. */
    public static Sponsor of(String name) {
        return new Sponsor(null, null, name);
    }
}
