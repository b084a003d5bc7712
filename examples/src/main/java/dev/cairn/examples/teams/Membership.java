package dev.cairn.examples.teams;

/** A row of {@link Memberships}: one player plays for one team. */
public record Membership(Long teamId, Long playerId) {
}
