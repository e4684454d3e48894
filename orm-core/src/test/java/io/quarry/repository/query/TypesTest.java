package io.quarry.repository.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.repository.CrudRepository;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How the generic types of a repository's methods are resolved against its declaration, and described in messages. */
class TypesTest {

    record Host(Long id, String hostname) {
    }

    interface HostRepository extends CrudRepository<Host, Long> {
    }

    interface Base<E> extends CrudRepository<E, Long> {
    }

    interface Marker {
    }

    interface ThroughAnIntermediateInterface extends Marker, Base<Host> {
    }

    @SuppressWarnings("unused")
    interface Signatures<E> {
        List<? extends E> wildcards();

        Map<String, List<E>> nested();

        <P> List<P> dynamic(Class<P> type);

        <N extends Number> N[] numbers();

        E[] entities();

        int[][] grid();

        List<?> anything();

        Optional<String>[] optionals();
    }

    interface HostSignatures extends Signatures<Host> {
    }

    private static Type returnOf(String method) {
        for (Method candidate : Signatures.class.getMethods()) {
            if (candidate.getName().equals(method)) {
                return candidate.getGenericReturnType();
            }
        }
        throw new AssertionError(method);
    }

    private static Type typeVariable(Class<?> type, int index) {
        return type.getTypeParameters()[index];
    }

    @Test
    void resolvesTheEntityAndIdTypeVariablesOfTheDeclaration() {
        Types types = new Types(HostRepository.class);

        assertThat(types.resolve(typeVariable(CrudRepository.class, 0))).isEqualTo(Host.class);
        assertThat(types.resolve(typeVariable(CrudRepository.class, 1))).isEqualTo(Long.class);
    }

    @Test
    void resolvesTypeVariablesPassedOnByAnIntermediateGenericInterface() {
        Types types = new Types(ThroughAnIntermediateInterface.class);

        assertThat(types.resolve(typeVariable(CrudRepository.class, 0))).isEqualTo(Host.class);
        assertThat(types.resolve(typeVariable(Base.class, 0))).isEqualTo(Host.class);
    }

    @Test
    void resolvesInsideParameterizedTypesAndWildcards() {
        Types types = new Types(HostSignatures.class);

        Type wildcards = types.resolve(returnOf("wildcards"));
        assertThat(Types.raw(wildcards)).isEqualTo(List.class);
        assertThat(Types.argument(wildcards, 0)).isEqualTo(Host.class);
        assertThat(Types.describe(types.resolve(returnOf("nested")))).isEqualTo("Map<String, List<Host>>");
        assertThat(types.resolve(returnOf("nested"))).hasToString("Map<String, List<Host>>");
    }

    @Test
    void leavesAMethodsOwnTypeVariableUnbound() {
        Types types = new Types(HostSignatures.class);

        Type dynamic = types.resolve(returnOf("dynamic"));
        assertThat(Types.argument(dynamic, 0)).isInstanceOf(java.lang.reflect.TypeVariable.class);
        assertThat(Types.raw(Types.argument(dynamic, 0))).isEqualTo(Object.class);
        assertThat(Types.describe(dynamic)).isEqualTo("List<P>");
    }

    @Test
    void aResolvedTypeEqualsTheSameTypeAsTheCompilerWroteIt() throws NoSuchMethodException {
        Types types = new Types(HostSignatures.class);
        Type resolved = types.resolve(returnOf("nested"));
        ParameterizedType written = (ParameterizedType) Written.class.getMethod("nested").getGenericReturnType();
        ParameterizedType other = (ParameterizedType) Written.class.getMethod("other").getGenericReturnType();

        assertThat(resolved).isEqualTo(written).isNotEqualTo(other).isNotEqualTo(Map.class);
        assertThat(resolved).isNotEqualTo(types.resolve(returnOf("wildcards")));
        assertThat(resolved.hashCode()).isEqualTo(types.resolve(returnOf("nested")).hashCode())
                .isNotEqualTo(types.resolve(returnOf("wildcards")).hashCode());
        assertThat(((ParameterizedType) resolved).getOwnerType()).isNull();
    }

    @SuppressWarnings("unused")
    interface Written {
        Map<String, List<Host>> nested();

        Map<String, List<String>> other();
    }

    @Test
    void theRawClassOfBoundsArraysAndWildcards() {
        assertThat(Types.raw(returnOf("numbers"))).isEqualTo(Number[].class);
        assertThat(Types.raw(new Types(HostSignatures.class).resolve(returnOf("entities")))).isEqualTo(Object[].class);
        assertThat(Types.raw(returnOf("grid"))).isEqualTo(int[][].class);
        assertThat(Types.raw(((ParameterizedType) returnOf("anything")).getActualTypeArguments()[0]))
                .isEqualTo(Object.class);
        assertThat(Types.raw(returnOf("optionals"))).isEqualTo(Optional[].class);
    }

    @Test
    void aMissingTypeArgumentIsObject() {
        assertThat(Types.argument(List.class, 0)).isEqualTo(Object.class);
        assertThat(Types.argument(returnOf("wildcards"), 1)).isEqualTo(Object.class);
        assertThat(Types.argument(returnOf("anything"), 0)).isEqualTo(Object.class);
    }

    @Test
    void describesTypesAsTheyAreWrittenInJava() {
        assertThat(Types.describe(int[][].class)).isEqualTo("int[][]");
        assertThat(Types.describe(Host.class)).isEqualTo("Host");
        assertThat(Types.describe(returnOf("optionals"))).isEqualTo("Optional<String>[]");
    }

    @Test
    void boxesPrimitivesOnly() {
        assertThat(Types.boxed(int.class)).isEqualTo(Integer.class);
        assertThat(Types.boxed(String.class)).isEqualTo(String.class);
    }
}
