package io.quarry.mapping;

import io.quarry.mapping.ClassFile.Code;
import io.quarry.mapping.internal.GeneratedReader;
import io.quarry.types.Codec;
import java.lang.reflect.Field;
import java.util.List;

/**
 * Writes, for one class, the bytecode of a {@link GeneratedReader}: each property read from its
 * column with the typed JDBC getter {@link PlainGetters} names (or its codec, for types with codecs
 * of their own) straight into a field store or a canonical-constructor argument, as a hand-written
 * row mapper does: no values array, no boxing of primitives, no codec call for the common types.
 * A reference's foreign key is read into the values array only (see {@link FieldSlot}). Defined as a
 * hidden nestmate of the class, like {@link WriterGenerator}'s writers. Stateless.
 */
final class ReaderGenerator {

    /**
     * A value to read: property {@code index} (its column {@code columns[index]}, its codec
     * {@code codecs[index]}), of {@code type}, through {@code getter} or, when null, the codec.
     */
    record Slot(int index, Class<?> type, PlainGetters.Getter getter) {
    }

    /**
     * A field to set: the declaring class's field and the slot it is read from. For a reference's
     * foreign key ({@code keyOnly}) the field holds the referenced object, which the loader sets: the
     * column's value only goes to the values array (for the relation loader), never into the field.
     */
    record FieldSlot(Field field, Slot slot, boolean keyOnly) {

        FieldSlot(Field field, Slot slot) {
            this(field, slot, false);
        }
    }

    private static final String READ = "(Ljava/sql/ResultSet;[I[Lio/quarry/types/Codec;)Ljava/lang/Object;";
    private static final String READ_INTO = "(Ljava/lang/Object;Ljava/sql/ResultSet;[I[Lio/quarry/types/Codec;)V";
    private static final String READ_KEEPING =
            "(Ljava/sql/ResultSet;[I[Lio/quarry/types/Codec;[Ljava/lang/Object;)Ljava/lang/Object;";
    private static final String READ_INTO_KEEPING =
            "(Ljava/lang/Object;Ljava/sql/ResultSet;[I[Lio/quarry/types/Codec;[Ljava/lang/Object;)V";
    private static final String RESULT_SET = "java/sql/ResultSet";
    private static final String CODEC = ClassFile.internalName(Codec.class);

    private ReaderGenerator() {
    }

    /**
     * A reader for the fields {@code declaring} declares; when {@code instantiate} is set, its
     * {@code read} also calls the no-argument constructor of {@code declaring} first.
     */
    static GeneratedReader forClass(Class<?> declaring, boolean instantiate, List<FieldSlot> fields)
            throws ReflectiveOperationException {
        for (FieldSlot field : fields) {
            ClassFile.checkVisible(declaring, field.keyOnly() ? field.slot().type() : field.field().getType());
        }
        String self = ClassFile.internalName(declaring);
        ClassFile file = new ClassFile(self + "$QuarryReader", GeneratedReader.class);
        // read(resultSet, columns, codecs): locals this, resultSet, columns, codecs, instance
        Code read = new Code(8, 5);
        if (instantiate) {
            read.refOp(Opcodes.NEW, file.classRef(self));
            read.op(Opcodes.DUP);
            read.refOp(Opcodes.INVOKESPECIAL, file.methodRef(self, "<init>", "()V"));
            read.astore(4);
            stores(file, read, self, fields, 4, 1);
            read.aload(4);
        } else {
            read.op(Opcodes.ACONST_NULL);
        }
        read.op(Opcodes.ARETURN);
        // readInto(instance, resultSet, columns, codecs): locals this, instance, resultSet, columns, codecs, typed
        Code readInto = new Code(8, 6);
        readInto.aload(1);
        readInto.refOp(Opcodes.CHECKCAST, file.classRef(self));
        readInto.astore(5);
        stores(file, readInto, self, fields, 5, 2);
        readInto.op(Opcodes.RETURN);
        // read(resultSet, columns, codecs, values): locals this, resultSet, columns, codecs, values, instance, value
        Code readKeeping = new Code(8, 8);
        if (instantiate) {
            readKeeping.refOp(Opcodes.NEW, file.classRef(self));
            readKeeping.op(Opcodes.DUP);
            readKeeping.refOp(Opcodes.INVOKESPECIAL, file.methodRef(self, "<init>", "()V"));
            readKeeping.astore(5);
            storesKeeping(file, readKeeping, self, fields, 5, 1);
            readKeeping.aload(5);
        } else {
            readKeeping.op(Opcodes.ACONST_NULL);
        }
        readKeeping.op(Opcodes.ARETURN);
        // readInto(instance, resultSet, columns, codecs, values): locals this, instance, resultSet, columns,
        // codecs, values, typed, value
        Code readIntoKeeping = new Code(8, 9);
        readIntoKeeping.aload(1);
        readIntoKeeping.refOp(Opcodes.CHECKCAST, file.classRef(self));
        readIntoKeeping.astore(6);
        storesKeeping(file, readIntoKeeping, self, fields, 6, 2);
        readIntoKeeping.op(Opcodes.RETURN);
        file.method("read", READ, read);
        file.method("readInto", READ_INTO, readInto);
        file.method("read", READ_KEEPING, readKeeping);
        file.method("readInto", READ_INTO_KEEPING, readIntoKeeping);
        return ClassFile.define(declaring, file.finish(), GeneratedReader.class);
    }

    /** A reader whose {@code read} calls the canonical constructor of {@code record}, one slot per component. */
    static GeneratedReader forRecord(Class<?> record, List<Slot> components) throws ReflectiveOperationException {
        StringBuilder descriptor = new StringBuilder("(");
        int stack = 0;
        for (Slot component : components) {
            ClassFile.checkVisible(record, component.type());
            descriptor.append(component.type().descriptorString());
            stack += component.type() == long.class || component.type() == double.class ? 2 : 1;
        }
        descriptor.append(")V");
        String self = ClassFile.internalName(record);
        ClassFile file = new ClassFile(self + "$QuarryReader", GeneratedReader.class);
        Code read = new Code(stack + 6, 4);
        read.refOp(Opcodes.NEW, file.classRef(self));
        read.op(Opcodes.DUP);
        for (Slot component : components) {
            value(file, read, component, 1);
        }
        read.refOp(Opcodes.INVOKESPECIAL, file.methodRef(self, "<init>", descriptor.toString()));
        read.op(Opcodes.ARETURN);
        Code readInto = new Code(0, 5);
        readInto.op(Opcodes.RETURN); // records are never written field by field
        Code readKeeping = new Code(1, 5);
        readKeeping.op(Opcodes.ACONST_NULL); // records read back their snapshots
        readKeeping.op(Opcodes.ARETURN);
        Code readIntoKeeping = new Code(0, 6);
        readIntoKeeping.op(Opcodes.RETURN);
        file.method("read", READ, read);
        file.method("readInto", READ_INTO, readInto);
        file.method("read", READ_KEEPING, readKeeping);
        file.method("readInto", READ_INTO_KEEPING, readIntoKeeping);
        return ClassFile.define(record, file.finish(), GeneratedReader.class);
    }

    /** For each field: target, its value from the row, putfield. */
    private static void stores(ClassFile file, Code code, String self, List<FieldSlot> fields, int target,
            int resultSet) {
        for (FieldSlot slot : fields) {
            if (slot.keyOnly()) {
                continue; // as EntityModel#instantiate: the loader sets the referenced object
            }
            Field field = slot.field();
            code.aload(target);
            value(file, code, slot.slot(), resultSet);
            code.refOp(Opcodes.PUTFIELD, file.fieldRef(self, field.getName(), field.getType().descriptorString()));
        }
    }

    /**
     * For each field: its value from the row into a local (the one after {@code values}, which follows
     * the codecs), then from there into the field and, boxed, into {@code values[index]}.
     */
    private static void storesKeeping(ClassFile file, Code code, String self, List<FieldSlot> fields, int target,
            int resultSet) {
        int values = resultSet + 3;
        int local = Math.max(values, target) + 1;
        for (FieldSlot slot : fields) {
            if (slot.keyOnly()) {
                Class<?> type = slot.slot().type();
                code.aload(values);
                code.pushInt(slot.slot().index());
                value(file, code, slot.slot(), resultSet);
                code.box(file, type);
                code.op(Opcodes.AASTORE);
                continue;
            }
            Field field = slot.field();
            Class<?> type = field.getType();
            value(file, code, slot.slot(), resultSet);
            code.store(type, local);
            code.aload(target);
            code.load(type, local);
            code.refOp(Opcodes.PUTFIELD, file.fieldRef(self, field.getName(), type.descriptorString()));
            code.aload(values);
            code.pushInt(slot.slot().index());
            code.load(type, local);
            code.box(file, type);
            code.op(Opcodes.AASTORE);
        }
    }

    /**
     * Pushes the slot's value from the current row, of the slot's type; the result set, columns and
     * codecs are in locals {@code resultSet}, {@code resultSet + 1} and {@code resultSet + 2}.
     */
    private static void value(ClassFile file, Code code, Slot slot, int resultSet) {
        PlainGetters.Getter getter = slot.getter();
        if (getter == null) {
            code.aload(resultSet + 2);
            code.pushInt(slot.index());
            code.op(Opcodes.AALOAD);
        }
        code.aload(resultSet);
        code.aload(resultSet + 1);
        code.pushInt(slot.index());
        code.op(Opcodes.IALOAD);
        if (getter == null) {
            code.invokeInterface(file.interfaceMethodRef(CODEC, "read", "(Ljava/sql/ResultSet;I)Ljava/lang/Object;"), 2);
            code.convert(file, slot.type());
        } else if (getter.helper()) {
            code.refOp(Opcodes.INVOKESTATIC, file.methodRef(getter.owner(), getter.name(), getter.descriptor()));
        } else if (getter.typeArgument() != null) {
            code.ldc(file.classRef(ClassFile.internalName(getter.typeArgument())));
            code.invokeInterface(file.interfaceMethodRef(RESULT_SET, getter.name(), getter.descriptor()), 2);
            code.convert(file, slot.type());
        } else {
            code.invokeInterface(file.interfaceMethodRef(RESULT_SET, getter.name(), getter.descriptor()), 1);
        }
    }
}
