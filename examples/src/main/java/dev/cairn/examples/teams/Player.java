package dev.cairn.examples.teams;

/** A row of {@link Players}. */
public record Player(Long id, String name, Integer shirtNumber) {
    /** A new player, not yet stored: the database fills in the id. */
    public static Player of(String name, Integer shirtNumber) {
        return new Player(null, name, shirtNumber);
    }

    public Player withName(String newName) {
        return new Player(id, newName, shirtNumber);
    }
}
