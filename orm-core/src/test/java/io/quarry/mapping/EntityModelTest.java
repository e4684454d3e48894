package io.quarry.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.MappingException;
import io.quarry.types.Codec;
import io.quarry.types.CodecRegistry;
import io.quarry.types.SimpleCodec;
import io.quarry.types.SqlType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** What the annotations of a class turn into, and the message for each mapping mistake. */
class EntityModelTest {

    private final ModelRegistry models = new ModelRegistry(CodecRegistry.withDefaults());

    // ---- defaults

    @Entity
    static class HostGroup {
        @Id Long id;
        String ipAddr;
        int port;
        Integer rack;
        long primitiveLong;
        Long boxedLong;
        boolean active;
        Boolean enabled;
        @Column(nullable = false, length = 64, unique = true) String hostname;
        @Column(name = "addr") String address;
        BigDecimal price;
        @Column(precision = 20, scale = 6) BigDecimal rate;
        BigInteger huge;
        Status status;
        @Enumerated(EnumType.ORDINAL) Status statusOrdinal;
        char letter;
        UUID uuid;
        @Transient String cached;
        transient String alsoCached;
        static String notAColumnEither;
    }

    enum Status { ACTIVE, RETIRED }

    @Entity
    static class HTTPServer {
        @Id Long id;
    }

    @Entity
    @Table(name = "hosts")
    static class Named {
        @Id Long id;
    }

    @Test
    void tableAndColumnNamesDefaultToSnakeCase() {
        EntityModel<HostGroup> model = models.model(HostGroup.class);

        assertThat(model.table()).isEqualTo("host_group");
        assertThat(model.property("ipAddr").column()).isEqualTo("ip_addr");
        assertThat(model.property("primitiveLong").column()).isEqualTo("primitive_long");
        assertThat(models.model(HTTPServer.class).table()).isEqualTo("http_server");
    }

    @Test
    void tableAndColumnAnnotationsOverrideTheNames() {
        assertThat(models.model(Named.class).table()).isEqualTo("hosts");
        assertThat(models.model(HostGroup.class).property("address").column()).isEqualTo("addr");
    }

    @Test
    void propertiesAreFoundByPropertyOrColumnName() {
        EntityModel<HostGroup> model = models.model(HostGroup.class);

        assertThat(model.property("ip_addr")).isSameAs(model.property("ipAddr"));
        assertThat(model.findProperty("nope")).isNull();
        assertThatThrownBy(() -> model.property("ipAdr"))
                .isInstanceOf(MappingException.class)
                .hasMessage("No property 'ipAdr' in entity HostGroup; did you mean 'ipAddr'?");
    }

    @Entity
    @Table(name = "x; drop table y")
    static class InjectedTableName {
        @Id
        Long id;
    }

    @Entity
    static class QuotedColumnName {
        @Id
        Long id;
        @Column(name = "name\" varchar(10)) --")
        String name;
    }

    @Entity
    @Index(name = "ix) on other(", columns = "name")
    static class BadIndexName {
        @Id
        Long id;
        String name;
    }

    @Entity
    @Table(name = "1st_table")
    static class LeadingDigit {
        @Id
        Long id;
    }

    @Entity
    @Table(name = "Gäste_2$")
    static class LettersDigitsUnderscoreDollar {
        @Id
        Long id;
    }

    @Test
    void refusesAnnotatedNamesThatAreNotPlainIdentifiersNamingWhereAndWhat() {
        assertThatThrownBy(() -> models.model(InjectedTableName.class))
                .isInstanceOf(MappingException.class)
                .hasMessage("@Table(name) on InjectedTableName: \"x; drop table y\" is not a valid name: it contains ';' "
                        + "at position 1; use letters, digits, _ and $ only");
        assertThatThrownBy(() -> models.model(QuotedColumnName.class))
                .isInstanceOf(MappingException.class)
                .hasMessage("@Column(name) on field 'QuotedColumnName.name': \"name\" varchar(10)) --\" is not a valid "
                        + "name: it contains '\"' at position 4; use letters, digits, _ and $ only");
        assertThatThrownBy(() -> models.model(BadIndexName.class))
                .isInstanceOf(MappingException.class)
                .hasMessageStartingWith("@Index(name) on BadIndexName: \"ix) on other(\" is not a valid name: it "
                        + "contains ')' at position 2");
        assertThatThrownBy(() -> models.model(LeadingDigit.class))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("it contains '1' at position 0 (a name begins with a letter or _)");
        assertThat(models.model(LettersDigitsUnderscoreDollar.class).table()).isEqualTo("Gäste_2$");
    }

    @Test
    void mapsFieldsInDeclarationOrderSkippingTransientAndStaticOnes() {
        assertThat(models.model(HostGroup.class).properties()).extracting(PropertyModel::name).containsExactly(
                "id", "ipAddr", "port", "rack", "primitiveLong", "boxedLong", "active", "enabled", "hostname",
                "address", "price", "rate", "huge", "status", "statusOrdinal", "letter", "uuid");
    }

    @Test
    void primitivesAreNotNullAndBoxesNullable() {
        EntityModel<HostGroup> model = models.model(HostGroup.class);

        assertThat(model.property("port").spec().nullable()).as("int").isFalse();
        assertThat(model.property("primitiveLong").spec().nullable()).as("long").isFalse();
        assertThat(model.property("active").spec().nullable()).as("boolean").isFalse();
        assertThat(model.property("letter").spec().nullable()).as("char").isFalse();
        assertThat(model.property("rack").spec().nullable()).as("Integer").isTrue();
        assertThat(model.property("boxedLong").spec().nullable()).as("Long").isTrue();
        assertThat(model.property("enabled").spec().nullable()).as("Boolean").isTrue();
        assertThat(model.property("ipAddr").spec().nullable()).as("String").isTrue();
    }

    @Test
    void theIdIsNotNullEvenWhenBoxed() {
        assertThat(models.model(HostGroup.class).id().spec().nullable()).isFalse();
    }

    @Test
    void columnNullableFalseMakesABoxNotNull() {
        assertThat(models.model(HostGroup.class).property("hostname").spec().nullable()).isFalse();
    }

    @Test
    void stringsDefaultToLength255() {
        ColumnSpec spec = models.model(HostGroup.class).property("ipAddr").spec();

        assertThat(spec.sqlType()).isEqualTo(SqlType.VARCHAR);
        assertThat(spec.length()).isEqualTo(255);
        assertThat(spec.unique()).isFalse();
    }

    @Test
    void columnAnnotationSetsLengthAndUniqueness() {
        ColumnSpec spec = models.model(HostGroup.class).property("hostname").spec();

        assertThat(spec.length()).isEqualTo(64);
        assertThat(spec.unique()).isTrue();
    }

    @Test
    void decimalsDefaultToPrecision38Scale2AndTakeTheColumnAnnotation() {
        EntityModel<HostGroup> model = models.model(HostGroup.class);

        assertThat(model.property("price").spec()).extracting(ColumnSpec::sqlType, ColumnSpec::precision, ColumnSpec::scale)
                .containsExactly(SqlType.DECIMAL, 38, 2);
        assertThat(model.property("rate").spec()).extracting(ColumnSpec::precision, ColumnSpec::scale)
                .containsExactly(20, 6);
        assertThat(model.property("huge").spec()).extracting(ColumnSpec::sqlType, ColumnSpec::precision, ColumnSpec::scale)
                .containsExactly(SqlType.DECIMAL, 38, 0);
    }

    @Test
    void enumsAreStoredByNameUnlessOrdinal() {
        EntityModel<HostGroup> model = models.model(HostGroup.class);

        assertThat(model.property("status").spec().sqlType()).isEqualTo(SqlType.VARCHAR);
        assertThat(model.property("statusOrdinal").spec().sqlType()).isEqualTo(SqlType.INTEGER);
    }

    @Test
    void fixedWidthTypesHaveTheirNaturalLength() {
        EntityModel<HostGroup> model = models.model(HostGroup.class);

        assertThat(model.property("letter").spec()).extracting(ColumnSpec::sqlType, ColumnSpec::length)
                .containsExactly(SqlType.CHAR, 1);
    }

    @Test
    void modelsAreBuiltOncePerClass() {
        assertThat(models.model(HostGroup.class)).isSameAs(models.model(HostGroup.class));
    }

    // ---- records and plain classes

    @Entity
    record Server(@Id @GeneratedValue Long id, @Column(length = 64) String hostname, int port) {
    }

    @Test
    void recordsMapThroughAccessorsAndTheCanonicalConstructor() {
        EntityModel<Server> model = models.model(Server.class);

        assertThat(model.isRecord()).isTrue();
        assertThat(model.table()).isEqualTo("server");
        assertThat(model.properties()).extracting(PropertyModel::column).containsExactly("id", "hostname", "port");
        assertThat(model.property("hostname").spec().length()).isEqualTo(64);
        assertThat(model.id().generation()).isEqualTo(GenerationType.IDENTITY);

        Server server = model.instantiate(new Object[] {7L, "web-1", 22});
        assertThat(server).isEqualTo(new Server(7L, "web-1", 22));
        assertThat(model.values(new Server(8L, "db-1", 5432))).containsExactly(8L, "db-1", 5432);
        assertThat(model.with(server, model.property("port"), 2222)).isEqualTo(new Server(7L, "web-1", 2222));
    }

    @Entity
    static final class Secretive {
        @Id private Long id;
        private String name;

        private Secretive() {
        }

        Long id() {
            return id;
        }

        String name() {
            return name;
        }
    }

    @Test
    void plainClassesWithPrivateFieldsAndAPrivateConstructorMap() {
        EntityModel<Secretive> model = models.model(Secretive.class);

        Secretive loaded = model.instantiate(new Object[] {3L, "granite"});

        assertThat(loaded.id()).isEqualTo(3L);
        assertThat(loaded.name()).isEqualTo("granite");
        assertThat(model.values(loaded)).containsExactly(3L, "granite");
        assertThat(model.newEmptyInstance().name()).isNull();
    }

    static class Base {
        @Id Long id;
        long createdAt;
    }

    @Entity
    static class Derived extends Base {
        String name;
    }

    @Test
    void inheritedFieldsComeFirst() {
        assertThat(models.model(Derived.class).properties()).extracting(PropertyModel::name)
                .containsExactly("id", "createdAt", "name");
    }

    @Test
    void settingNullIntoAPrimitiveSaysHowToFixIt() {
        EntityModel<HostGroup> model = models.model(HostGroup.class);

        assertThatThrownBy(() -> model.property("port").set(new HostGroup(), null))
                .isInstanceOf(MappingException.class)
                .hasMessage("Column port is NULL but field 'HostGroup.port' is a primitive int; declare the field as "
                        + "Integer or make the column NOT NULL");
    }

    // ---- user codecs

    record Money(BigDecimal amount) {
    }

    static final Codec<Money> MONEY = SimpleCodec.of(SqlType.DECIMAL,
            (statement, index, value) -> statement.setBigDecimal(index, value.amount()),
            (ResultSet resultSet, int index) -> {
                BigDecimal amount = resultSet.getBigDecimal(index);
                return amount == null ? null : new Money(amount);
            });

    @Entity
    static class Invoice {
        @Id Long id;
        @Column(precision = 12, scale = 2) Money total;
    }

    @Test
    void aRegisteredCodecMapsAValueType() {
        ModelRegistry withMoney = new ModelRegistry(CodecRegistry.withDefaults().register(Money.class, MONEY));

        PropertyModel total = withMoney.model(Invoice.class).property("total");

        assertThat(total.codec()).isSameAs(MONEY);
        assertThat(total.spec()).extracting(ColumnSpec::sqlType, ColumnSpec::precision, ColumnSpec::scale)
                .containsExactly(SqlType.DECIMAL, 12, 2);
    }

    @Test
    void aValueTypeWithoutACodecIsRejected() {
        assertMappingError(Invoice.class, "field 'Invoice.total' has type " + Money.class.getName()
                + ", which Quarry cannot map to a column; mark it @Transient or register a codec");
    }

    // ---- mistakes

    static class NotAnEntity {
        @Id Long id;
    }

    @Test
    void rejectsClassWithoutEntityAnnotation() {
        assertMappingError(NotAnEntity.class, "Class " + NotAnEntity.class.getName()
                + " is not an entity; annotate it with @io.quarry.mapping.Entity");
    }

    @Entity
    static class NoId {
        Long id;
    }

    @Test
    void rejectsEntityWithoutId() {
        assertMappingError(NoId.class, "Entity NoId has no @Id; mark its primary key field with @io.quarry.mapping.Id");
    }

    @Entity
    static class TwoIds {
        @Id Long id;
        @Id String code;
    }

    @Test
    void rejectsEntityWithTwoIds() {
        assertMappingError(TwoIds.class, "Entity TwoIds has 2 @Id fields [id, code]; composite keys are not supported: "
                + "keep one @Id and declare a unique @Index on the others");
    }

    /** Named Host so that the message reads as in the documentation. */
    static class Unsupported {
        @Entity
        static class Host {
            @Id Long id;
            List<String> tags;
        }
    }

    @Test
    void rejectsUnsupportedTypeNamingFieldAndWayOut() {
        assertMappingError(Unsupported.Host.class, "field 'Host.tags' has type java.util.List, which Quarry cannot map "
                + "to a column; mark it @Transient or register a codec");
    }

    @Entity
    static class Tagged {
        @Id Long id;
        @Transient List<String> tags;
    }

    @Test
    void transientMakesAnUnsupportedTypeAcceptable() {
        assertThat(models.model(Tagged.class).properties()).extracting(PropertyModel::name).containsExactly("id");
    }

    @Entity
    static class StringVersion {
        @Id Long id;
        @Version String version;
    }

    @Test
    void rejectsVersionOnAString() {
        assertMappingError(StringVersion.class, "field 'StringVersion.version' is @Version but has type java.lang.String; "
                + "a version must be int, long or short (or their boxes)");
    }

    @Entity
    static class LongUuid {
        @Id @GeneratedValue(strategy = GenerationType.UUID) Long id;
    }

    @Test
    void rejectsUuidGenerationOnALong() {
        assertMappingError(LongUuid.class, "field 'LongUuid.id' is @GeneratedValue(strategy = UUID) but has type "
                + "java.lang.Long; declare it as java.util.UUID or String");
    }

    @Entity
    static class StringIdentity {
        @Id @GeneratedValue String id;
    }

    @Test
    void rejectsIdentityGenerationOnAString() {
        assertMappingError(StringIdentity.class, "field 'StringIdentity.id' is @GeneratedValue(strategy = IDENTITY) but "
                + "has type java.lang.String; declare it as Long (or Integer), or use strategy = UUID");
    }

    @Entity
    @Index(columns = "hostnme")
    static class BadIndex {
        @Id Long id;
        String hostname;
    }

    @Test
    void rejectsUnknownIndexColumnWithDidYouMean() {
        assertMappingError(BadIndex.class, "@Index on entity BadIndex names unknown column 'hostnme'; did you mean 'hostname'?");
    }

    @Entity
    @Index(columns = {"ipAddr", "port"})
    @Index(columns = "host_name", unique = true)
    @Index(columns = "port", name = "by_port")
    static class Indexed {
        @Id Long id;
        String hostName;
        String ipAddr;
        int port;
    }

    @Test
    void indexesNameColumnsByPropertyOrColumnAndGetDefaultNames() {
        assertThat(models.model(Indexed.class).indexes()).containsExactly(
                new IndexModel("ix_indexed_ip_addr_port", List.of("ip_addr", "port"), false),
                new IndexModel("ux_indexed_host_name", List.of("host_name"), true),
                new IndexModel("by_port", List.of("port"), false));
    }

    @Entity
    static class FinalField {
        @Id Long id;
        final String name = "fixed";
    }

    @Test
    void rejectsFinalField() {
        assertMappingError(FinalField.class, "Field 'FinalField.name' is final, so Quarry cannot load it; "
                + "remove 'final' or mark it @Transient");
    }

    @Entity
    static class NoDefaultConstructor {
        @Id Long id;

        NoDefaultConstructor(Long id) {
            this.id = id;
        }
    }

    @Test
    void rejectsClassWithoutNoArgConstructor() {
        assertMappingError(NoDefaultConstructor.class, "Entity " + NoDefaultConstructor.class.getName()
                + " has no no-argument constructor; add one (any visibility, e.g. 'protected NoDefaultConstructor() {}')");
    }

    @Entity
    static class DuplicateColumn {
        @Id Long id;
        String ipAddr;
        @Column(name = "ip_addr") String address;
    }

    @Test
    void rejectsTwoPropertiesOnOneColumn() {
        assertMappingError(DuplicateColumn.class, "Entity DuplicateColumn maps column 'ip_addr' twice (again for "
                + "field 'DuplicateColumn.address'); give one of them another @Column(name)");
    }

    @Entity
    static class TwoVersions {
        @Id Long id;
        @Version int version;
        @Version long revision;
    }

    @Test
    void rejectsTwoVersions() {
        assertMappingError(TwoVersions.class, "Entity TwoVersions has 2 @Version fields [version, revision]; keep one");
    }

    @Entity
    static class GeneratedNonId {
        @Id Long id;
        @GeneratedValue Long counter;
    }

    @Test
    void rejectsGeneratedValueOnANonId() {
        assertMappingError(GeneratedNonId.class, "field 'GeneratedNonId.counter' has @GeneratedValue but is not the @Id; "
                + "only ids are generated");
    }

    @Entity
    static class ScaleAbovePrecision {
        @Id Long id;
        @Column(precision = 4, scale = 6) BigDecimal rate;
    }

    @Test
    void rejectsScaleAbovePrecision() {
        assertMappingError(ScaleAbovePrecision.class, "field 'ScaleAbovePrecision.rate' has scale 6 greater than precision 4");
    }

    @Entity
    record TransientComponent(@Id Long id, @Transient String note) {
    }

    @Test
    void rejectsTransientRecordComponent() {
        assertMappingError(TransientComponent.class, "Record component 'TransientComponent.note' is @Transient, but every "
                + "component of a record entity is a column; move it out of the record or map a plain class instead");
    }

    @Entity
    abstract static class Abstract {
        @Id Long id;
    }

    @Test
    void rejectsAbstractClass() {
        assertMappingError(Abstract.class, "Entity " + Abstract.class.getName() + " must be a concrete class or a record");
    }

    private void assertMappingError(Class<?> type, String message) {
        assertThatThrownBy(() -> models.model(type))
                .isInstanceOf(MappingException.class)
                .hasMessage(message);
    }
}
