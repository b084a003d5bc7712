package dev.cairn.examples.teams;

/** A row of {@link Teams}. */
public record Team(Long id, String name, String city) {
    /** A new team, not yet stored: the database fills in the id. */
    public static Team of(String name, String city) {
        return new Team(null, name, city);
    }
}
