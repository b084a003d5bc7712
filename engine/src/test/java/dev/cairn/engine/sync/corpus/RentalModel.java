package dev.cairn.engine.sync.corpus;

import static dev.cairn.dsl.type.ReferentialAction.CASCADE;
import static dev.cairn.dsl.type.ReferentialAction.SET_NULL;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.PrimaryKey;
import dev.cairn.dsl.Row;
import dev.cairn.dsl.Schema;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.type.Labelled;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Year;
import java.util.Set;

/** The model of {@code corpus/rental.sql}, written as a team would write it after reading the dump. */
final class RentalModel {
    private RentalModel() {
    }

    enum Rating implements Labelled {
        G("G"), PG("PG"), PG_13("PG-13"), R("R"), NC_17("NC-17");
        private final String label;

        Rating(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    enum Feature implements Labelled {
        TRAILERS("Trailers"), COMMENTARIES("Commentaries"), DELETED_SCENES("Deleted Scenes"),
        BEHIND_THE_SCENES("Behind the Scenes");
        private final String label;

        Feature(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    /** {@code last_update timestamp NOT NULL DEFAULT current_timestamp() ON UPDATE current_timestamp()}. */
    private static Column<Instant> lastUpdate(Column<Instant> c) {
        return c.precision(0).notNull().defaultNow().onUpdateNow();
    }

    static final class Actor extends Table<Row, Integer> {
        final Column<Integer> actorId = smallintUnsigned("actor_id").autoIncrement().primaryKey();
        final Column<String> firstName = varchar("first_name", 45).notNull();
        final Column<String> lastName = varchar("last_name", 45).notNull().index("idx_actor_last_name");
        final Column<Instant> lastUpdate = lastUpdate(timestamp("last_update"));

        Actor() {
            super("actor");
        }
    }

    static final class Country extends Table<Row, Integer> {
        final Column<Integer> countryId = smallintUnsigned("country_id").autoIncrement().primaryKey();
        final Column<String> country = varchar("country", 50).notNull();
        final Column<Instant> lastUpdate = lastUpdate(timestamp("last_update"));

        Country() {
            super("country");
        }
    }

    static final class City extends Table<Row, Integer> {
        final Column<Integer> cityId = smallintUnsigned("city_id").autoIncrement().primaryKey();
        final Column<String> city = varchar("city", 50).notNull();
        final Column<Integer> countryId = smallintUnsigned("country_id").notNull().index("idx_fk_country_id")
                .references("fk_city_country", () -> COUNTRY.countryId).onUpdate(CASCADE);
        final Column<Instant> lastUpdate = lastUpdate(timestamp("last_update"));

        City() {
            super("city");
        }
    }

    static final class Address extends Table<Row, Integer> {
        final Column<Integer> addressId = smallintUnsigned("address_id").autoIncrement().primaryKey();
        final Column<String> address = varchar("address", 50).notNull();
        final Column<String> address2 = varchar("address2", 50);
        final Column<String> district = varchar("district", 20).notNull();
        final Column<Integer> cityId = smallintUnsigned("city_id").notNull().index("idx_fk_city_id")
                .references("fk_address_city", () -> CITY.cityId).onUpdate(CASCADE);
        final Column<String> postalCode = varchar("postal_code", 10);
        final Column<String> phone = varchar("phone", 20).notNull();
        final Column<Instant> lastUpdate = lastUpdate(timestamp("last_update"));

        Address() {
            super("address");
        }
    }

    static final class Category extends Table<Row, Short> {
        final Column<Short> categoryId = tinyintUnsigned("category_id").autoIncrement().primaryKey();
        final Column<String> name = varchar("name", 25).notNull();
        final Column<Instant> lastUpdate = lastUpdate(timestamp("last_update"));

        Category() {
            super("category");
        }
    }

    static final class Language extends Table<Row, Short> {
        final Column<Short> languageId = tinyintUnsigned("language_id").autoIncrement().primaryKey();
        final Column<String> name = fixedChar("name", 20).notNull();
        final Column<Instant> lastUpdate = lastUpdate(timestamp("last_update"));

        Language() {
            super("language");
        }
    }

    static final class Film extends Table<Row, Integer> {
        final Column<Integer> filmId = smallintUnsigned("film_id").autoIncrement().primaryKey();
        final Column<String> title = varchar("title", 128).notNull().index("idx_title");
        final Column<String> description = text("description");
        final Column<Year> releaseYear = year("release_year");
        final Column<Short> languageId = tinyintUnsigned("language_id").notNull().index("idx_fk_language_id")
                .references("fk_film_language", () -> LANGUAGE.languageId).onUpdate(CASCADE);
        final Column<Short> originalLanguageId = tinyintUnsigned("original_language_id")
                .index("idx_fk_original_language_id")
                .references("fk_film_language_original", () -> LANGUAGE.languageId).onUpdate(CASCADE);
        final Column<Short> rentalDuration = tinyintUnsigned("rental_duration").notNull().defaultValue((short) 3);
        final Column<BigDecimal> rentalRate = decimal("rental_rate", 4, 2).notNull()
                .defaultValue(new BigDecimal("4.99"));
        final Column<Integer> length = smallintUnsigned("length");
        final Column<BigDecimal> replacementCost = decimal("replacement_cost", 5, 2).notNull()
                .defaultValue(new BigDecimal("19.99"));
        final Column<Rating> rating = enumeration("rating", Rating.class).defaultValue(Rating.G);
        final Column<Set<Feature>> specialFeatures = enumSet("special_features", Feature.class);
        final Column<Instant> lastUpdate = lastUpdate(timestamp("last_update"));

        Film() {
            super("film");
        }
    }

    static final class FilmActor extends Table<Row, Void> {
        final Column<Integer> actorId = smallintUnsigned("actor_id").notNull()
                .references("fk_film_actor_actor", () -> ACTOR.actorId).onUpdate(CASCADE);
        final Column<Integer> filmId = smallintUnsigned("film_id").notNull().index("idx_fk_film_id")
                .references("fk_film_actor_film", () -> FILM.filmId).onUpdate(CASCADE);
        final Column<Instant> lastUpdate = lastUpdate(timestamp("last_update"));
        final PrimaryKey pk = primaryKey(actorId, filmId);

        FilmActor() {
            super("film_actor");
        }
    }

    static final class FilmCategory extends Table<Row, Void> {
        final Column<Integer> filmId = smallintUnsigned("film_id").notNull()
                .references("fk_film_category_film", () -> FILM.filmId).onUpdate(CASCADE);
        final Column<Short> categoryId = tinyintUnsigned("category_id").notNull()
                .references("fk_film_category_category", () -> CATEGORY.categoryId).onUpdate(CASCADE);
        final Column<Instant> lastUpdate = lastUpdate(timestamp("last_update"));
        final PrimaryKey pk = primaryKey(filmId, categoryId);

        FilmCategory() {
            super("film_category");
        }
    }

    static final class FilmText extends Table<Row, Integer> {
        final Column<Integer> filmId = smallintUnsigned("film_id").primaryKey();
        final Column<String> title = varchar("title", 255).notNull();
        final Column<String> description = text("description");

        FilmText() {
            super("film_text");
            fullTextIndex("idx_title_description", title, description);
        }
    }

    static final class Store extends Table<Row, Short> {
        final Column<Short> storeId = tinyintUnsigned("store_id").autoIncrement().primaryKey();
        final Column<Short> managerStaffId = tinyintUnsigned("manager_staff_id").notNull()
                .unique("idx_unique_manager").references("fk_store_staff", () -> STAFF.staffId).onUpdate(CASCADE);
        final Column<Integer> addressId = smallintUnsigned("address_id").notNull().index("idx_fk_address_id")
                .references("fk_store_address", () -> ADDRESS.addressId).onUpdate(CASCADE);
        final Column<Instant> lastUpdate = lastUpdate(timestamp("last_update"));

        Store() {
            super("store");
        }
    }

    static final class Staff extends Table<Row, Short> {
        final Column<Short> staffId = tinyintUnsigned("staff_id").autoIncrement().primaryKey();
        final Column<String> firstName = varchar("first_name", 45).notNull();
        final Column<String> lastName = varchar("last_name", 45).notNull();
        final Column<Integer> addressId = smallintUnsigned("address_id").notNull().index("idx_fk_address_id")
                .references("fk_staff_address", () -> ADDRESS.addressId).onUpdate(CASCADE);
        final Column<byte[]> picture = blob("picture");
        final Column<String> email = varchar("email", 50);
        final Column<Short> storeId = tinyintUnsigned("store_id").notNull().index("idx_fk_store_id")
                .references("fk_staff_store", () -> STORE.storeId).onUpdate(CASCADE);
        final Column<Boolean> active = bool("active").notNull().defaultValue(true);
        final Column<String> username = varchar("username", 16).notNull();
        final Column<String> password = varchar("password", 40).collation("utf8mb4_bin");
        final Column<Instant> lastUpdate = lastUpdate(timestamp("last_update"));

        Staff() {
            super("staff");
        }
    }

    static final class Customer extends Table<Row, Integer> {
        final Column<Integer> customerId = smallintUnsigned("customer_id").autoIncrement().primaryKey();
        final Column<Short> storeId = tinyintUnsigned("store_id").notNull().index("idx_fk_store_id")
                .references("fk_customer_store", () -> STORE.storeId).onUpdate(CASCADE);
        final Column<String> firstName = varchar("first_name", 45).notNull();
        final Column<String> lastName = varchar("last_name", 45).notNull().index("idx_last_name");
        final Column<String> email = varchar("email", 50);
        final Column<Integer> addressId = smallintUnsigned("address_id").notNull().index("idx_fk_address_id")
                .references("fk_customer_address", () -> ADDRESS.addressId).onUpdate(CASCADE);
        final Column<Boolean> active = bool("active").notNull().defaultValue(true);
        final Column<LocalDateTime> createDate = datetime("create_date").precision(0).notNull();
        final Column<Instant> lastUpdate = timestamp("last_update").precision(0).defaultNow().onUpdateNow();

        Customer() {
            super("customer");
        }
    }

    static final class Inventory extends Table<Row, Integer> {
        final Column<Integer> inventoryId = mediumintUnsigned("inventory_id").autoIncrement().primaryKey();
        final Column<Integer> filmId = smallintUnsigned("film_id").notNull().index("idx_fk_film_id")
                .references("fk_inventory_film", () -> FILM.filmId).onUpdate(CASCADE);
        final Column<Short> storeId = tinyintUnsigned("store_id").notNull()
                .references("fk_inventory_store", () -> STORE.storeId).onUpdate(CASCADE);
        final Column<Instant> lastUpdate = lastUpdate(timestamp("last_update"));

        Inventory() {
            super("inventory");
            index("idx_store_id_film_id", storeId, filmId);
        }
    }

    static final class Rental extends Table<Row, Integer> {
        final Column<Integer> rentalId = integer("rental_id").autoIncrement().primaryKey();
        final Column<LocalDateTime> rentalDate = datetime("rental_date").precision(0).notNull();
        final Column<Integer> inventoryId = mediumintUnsigned("inventory_id").notNull().index("idx_fk_inventory_id")
                .references("fk_rental_inventory", () -> INVENTORY.inventoryId).onUpdate(CASCADE);
        final Column<Integer> customerId = smallintUnsigned("customer_id").notNull().index("idx_fk_customer_id")
                .references("fk_rental_customer", () -> CUSTOMER.customerId).onUpdate(CASCADE);
        final Column<LocalDateTime> returnDate = datetime("return_date").precision(0);
        final Column<Short> staffId = tinyintUnsigned("staff_id").notNull().index("idx_fk_staff_id")
                .references("fk_rental_staff", () -> STAFF.staffId).onUpdate(CASCADE);
        final Column<Instant> lastUpdate = lastUpdate(timestamp("last_update"));

        Rental() {
            super("rental");
            unique("rental_date", rentalDate, inventoryId, customerId);
        }
    }

    static final class Payment extends Table<Row, Integer> {
        final Column<Integer> paymentId = smallintUnsigned("payment_id").autoIncrement().primaryKey();
        final Column<Integer> customerId = smallintUnsigned("customer_id").notNull().index("idx_fk_customer_id")
                .references("fk_payment_customer", () -> CUSTOMER.customerId).onUpdate(CASCADE);
        final Column<Short> staffId = tinyintUnsigned("staff_id").notNull().index("idx_fk_staff_id")
                .references("fk_payment_staff", () -> STAFF.staffId).onUpdate(CASCADE);
        final Column<Integer> rentalId = integer("rental_id")
                .references("fk_payment_rental", () -> RENTAL.rentalId).onDelete(SET_NULL).onUpdate(CASCADE);
        final Column<BigDecimal> amount = decimal("amount", 5, 2).notNull();
        final Column<LocalDateTime> paymentDate = datetime("payment_date").precision(0).notNull();
        final Column<Instant> lastUpdate = timestamp("last_update").precision(0).defaultNow().onUpdateNow();

        Payment() {
            super("payment");
        }
    }

    static final Actor ACTOR = new Actor();
    static final Country COUNTRY = new Country();
    static final City CITY = new City();
    static final Address ADDRESS = new Address();
    static final Category CATEGORY = new Category();
    static final Language LANGUAGE = new Language();
    static final Film FILM = new Film();
    static final FilmActor FILM_ACTOR = new FilmActor();
    static final FilmCategory FILM_CATEGORY = new FilmCategory();
    static final FilmText FILM_TEXT = new FilmText();
    static final Store STORE = new Store();
    static final Staff STAFF = new Staff();
    static final Customer CUSTOMER = new Customer();
    static final Inventory INVENTORY = new Inventory();
    static final Rental RENTAL = new Rental();
    static final Payment PAYMENT = new Payment();

    static final Schema SCHEMA = Schema.of(ACTOR, COUNTRY, CITY, ADDRESS, CATEGORY, LANGUAGE, FILM, FILM_ACTOR,
            FILM_CATEGORY, FILM_TEXT, STORE, STAFF, CUSTOMER, INVENTORY, RENTAL, PAYMENT);
}
