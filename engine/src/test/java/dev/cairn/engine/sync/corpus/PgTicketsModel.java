package dev.cairn.engine.sync.corpus;

import static dev.cairn.dsl.type.ReferentialAction.CASCADE;
import static dev.cairn.dsl.type.ReferentialAction.SET_NULL;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Index;
import dev.cairn.dsl.PrimaryKey;
import dev.cairn.dsl.Row;
import dev.cairn.dsl.Schema;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.UniqueKey;
import dev.cairn.dsl.type.Labelled;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.UUID;

/** The model of {@code corpus/postgres/tickets.sql}, a help desk; one enum type serves two tables there. */
final class PgTicketsModel {
    private PgTicketsModel() {
    }

    enum Priority { low, normal, high, urgent }

    enum State { open, in_progress, waiting_on_customer, resolved, closed }

    enum Resolution implements Labelled {
        FIXED("fixed"), WONT_FIX("won't fix"), DUPLICATE("duplicate"), WORKS_FOR_ME("works for me");
        private final String label;

        Resolution(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    static final class Agents extends Table<Row, Integer> {
        final Column<Integer> id = integer("id").autoIncrement().primaryKey();
        final Column<String> email = varchar("email", 255).notNull().unique("agents_email_key");
        final Column<String> name = varchar("name", 100).notNull();
        final Column<String> team = varchar("team", 40).notNull().defaultValue("support");
        final Column<Boolean> active = bool("active").notNull().defaultValue(true);
        final Column<Short> capacity = smallint("capacity").notNull().defaultValue((short) 10)
                .check("agents_capacity_check", c -> c.gt((short) 0));

        Agents() {
            super("agents");
        }
    }

    static final class Attachments extends Table<Row, UUID> {
        final Column<UUID> id = uuid("id").defaultExpression("uuid()").primaryKey();
        final Column<Long> ticketId = bigint("ticket_id").notNull().index("attachments_ticket_id_idx")
                .references("attachments_ticket_id_fkey", () -> TICKETS.id).onDelete(CASCADE);
        final Column<String> filename = varchar("filename", 255).notNull();
        final Column<String> contentType = varchar("content_type", 100).notNull()
                .defaultValue("application/octet-stream");
        final Column<Long> sizeBytes = bigint("size_bytes").notNull();
        final Column<String> sha256 = fixedChar("sha256", 64).notNull().index("attachments_sha256_idx");
        final Column<byte[]> data = blob("data");
        final Column<Instant> uploadedAt = timestamp("uploaded_at").notNull().defaultNow();

        Attachments() {
            super("attachments");
        }
    }

    static final class Projects extends Table<Row, Integer> {
        final Column<Integer> id = integer("id").autoIncrement().primaryKey();
        final Column<String> key = varchar("key", 10).notNull().unique("projects_key_key")
                .comment("Prefix of the ticket numbers, such as OPS");
        final Column<String> name = varchar("name", 100).notNull();
        final Column<String> description = text("description");
        final Column<LocalDate> startedOn = date("started_on").notNull().defaultExpression("CURRENT_DATE");
        final Column<Boolean> archived = bool("archived").notNull().defaultValue(false);

        Projects() {
            super("projects");
        }
    }

    static final class SlaPolicies extends Table<Row, Short> {
        final Column<Short> id = smallint("id").autoIncrement().primaryKey();
        final Column<Priority> priority = enumeration("priority", Priority.class).notNull()
                .unique("sla_policies_priority_key");
        final Column<Integer> responseMinutes = integer("response_minutes").notNull();
        final Column<Integer> resolveMinutes = integer("resolve_minutes").notNull();
        final Column<Boolean> businessHoursOnly = bool("business_hours_only").notNull().defaultValue(true);
        final Column<LocalTime> dayStarts = time("day_starts").notNull().defaultValue(LocalTime.of(9, 0));
        final Column<LocalTime> dayEnds = time("day_ends").precision(0).notNull().defaultValue(LocalTime.of(17, 30));

        SlaPolicies() {
            super("sla_policies");
            check("sla_policies_check", resolveMinutes.ge(responseMinutes));
        }
    }

    static final class TicketComments extends Table<Row, Long> {
        final Column<Long> id = bigint("id").autoIncrement().primaryKey();
        final Column<Long> ticketId = bigint("ticket_id").notNull()
                .references("ticket_comments_ticket_id_fkey", () -> TICKETS.id).onDelete(CASCADE);
        final Column<Integer> agentId = integer("agent_id")
                .references("ticket_comments_agent_id_fkey", () -> AGENTS.id).onDelete(SET_NULL);
        final Column<String> body = text("body").notNull();
        final Column<Boolean> internal = bool("internal").notNull().defaultValue(false);
        final Column<Instant> createdAt = timestamp("created_at").notNull().defaultNow();
        final Index byTicket = index("ticket_comments_ticket_id_created_at_idx", ticketId, createdAt);

        TicketComments() {
            super("ticket_comments");
        }
    }

    static final class TicketWatchers extends Table<Row, Void> {
        final Column<Long> ticketId = bigint("ticket_id").notNull()
                .references("ticket_watchers_ticket_id_fkey", () -> TICKETS.id).onDelete(CASCADE);
        final Column<Integer> agentId = integer("agent_id").notNull().index("ticket_watchers_agent_id_idx")
                .references("ticket_watchers_agent_id_fkey", () -> AGENTS.id).onDelete(CASCADE);
        final Column<LocalDateTime> since = datetime("since").notNull().defaultNow();
        final PrimaryKey pk = primaryKey(ticketId, agentId);

        TicketWatchers() {
            super("ticket_watchers");
        }
    }

    static final class Tickets extends Table<Row, Long> {
        final Column<Long> id = bigint("id").autoIncrement().primaryKey();
        final Column<Integer> projectId = integer("project_id").notNull()
                .references("tickets_project_id_fkey", () -> PROJECTS.id).onDelete(CASCADE);
        final Column<Integer> number = integer("number").notNull().check("tickets_number_check", n -> n.gt(0));
        final Column<String> title = varchar("title", 250).notNull();
        final Column<String> body = text("body");
        final Column<Priority> priority = enumeration("priority", Priority.class).notNull()
                .defaultValue(Priority.normal);
        final Column<State> state = enumeration("state", State.class).notNull().defaultValue(State.open);
        final Column<Resolution> resolution = enumeration("resolution", Resolution.class);
        final Column<Integer> priorityBoost = integer("priority_boost").notNull().defaultValue(-1);
        final Column<String> reporterEmail = varchar("reporter_email", 255).notNull();
        final Column<Integer> assigneeId = integer("assignee_id")
                .references("tickets_assignee_id_fkey", () -> AGENTS.id).onDelete(SET_NULL);
        final Column<LocalDate> dueOn = date("due_on");
        final Column<BigDecimal> estimateHours = decimal("estimate_hours", 6, 2)
                .check("tickets_estimate_hours_check", e -> e.ge(BigDecimal.ZERO));
        final Column<BigDecimal> spentHours = decimal("spent_hours", 6, 2).notNull().defaultValue(BigDecimal.ZERO);
        final Column<Instant> createdAt = timestamp("created_at").notNull().defaultNow();
        final Column<Instant> updatedAt = timestamp("updated_at").notNull().defaultNow();
        final UniqueKey byNumber = unique("tickets_project_id_number_key", projectId, number);
        final UniqueKey byReporter = unique("tickets_reporter_email_title_idx", reporterEmail, title);
        final Index queue = index("tickets_assignee_id_state_idx", assigneeId, state);

        Tickets() {
            super("tickets");
            options().comment("One request from a customer, numbered per project");
        }
    }

    static final Agents AGENTS = new Agents();
    static final Projects PROJECTS = new Projects();
    static final Tickets TICKETS = new Tickets();
    static final TicketComments TICKET_COMMENTS = new TicketComments();
    static final TicketWatchers TICKET_WATCHERS = new TicketWatchers();
    static final Attachments ATTACHMENTS = new Attachments();
    static final SlaPolicies SLA_POLICIES = new SlaPolicies();

    static final Schema SCHEMA = Schema.of(AGENTS, PROJECTS, TICKETS, TICKET_COMMENTS, TICKET_WATCHERS, ATTACHMENTS,
            SLA_POLICIES);
}
