package io.quarry.mapping;

import io.quarry.mapping.ClassFile.Code;
import io.quarry.mapping.internal.GeneratedWriter;
import java.lang.reflect.Field;
import java.util.List;

/**
 * Writes, for one class, the bytecode of a {@link GeneratedWriter} that sets its fields from a
 * values array with plain field stores (what a hand-written mapper does), and defines it as a hidden
 * nestmate of that class, so private fields and constructors are reachable. Used for entities that
 * are read often; where a writer cannot be defined (a named module that does not open the package,
 * a field type the entity's package cannot see), the method-handle path stays. Stateless.
 */
final class WriterGenerator {

    /** A field to set from {@code values[index]}. */
    record Slot(int index, Field field) {
    }

    private static final String CREATE = "([Ljava/lang/Object;)Ljava/lang/Object;";
    private static final String WRITE = "(Ljava/lang/Object;[Ljava/lang/Object;)V";

    private WriterGenerator() {
    }

    /**
     * A writer for the fields {@code declaring} declares; when {@code instantiate} is set, its
     * {@code create} also calls the no-argument constructor of {@code declaring} first.
     */
    static GeneratedWriter forClass(Class<?> declaring, boolean instantiate, List<Slot> slots)
            throws ReflectiveOperationException {
        for (Slot slot : slots) {
            ClassFile.checkVisible(declaring, slot.field().getType());
        }
        String self = ClassFile.internalName(declaring);
        ClassFile file = new ClassFile(self + "$QuarryWriter", GeneratedWriter.class);
        // create(values): locals this, values, instance
        Code create = new Code(4, 3);
        if (instantiate) {
            create.refOp(Opcodes.NEW, file.classRef(self));
            create.op(Opcodes.DUP);
            create.refOp(Opcodes.INVOKESPECIAL, file.methodRef(self, "<init>", "()V"));
            create.astore(2);
            stores(file, create, self, slots, 2, 1);
            create.aload(2);
        } else {
            create.op(Opcodes.ACONST_NULL);
        }
        create.op(Opcodes.ARETURN);
        // write(instance, values): locals this, instance, values, typed instance
        Code write = new Code(4, 4);
        write.aload(1);
        write.refOp(Opcodes.CHECKCAST, file.classRef(self));
        write.astore(3);
        stores(file, write, self, slots, 3, 2);
        write.op(Opcodes.RETURN);
        file.method("create", CREATE, create);
        file.method("write", WRITE, write);
        return ClassFile.define(declaring, file.finish(), GeneratedWriter.class);
    }

    /** A writer whose {@code create} calls the canonical constructor of {@code record}. */
    static GeneratedWriter forRecord(Class<?> record, List<Class<?>> components) throws ReflectiveOperationException {
        StringBuilder descriptor = new StringBuilder("(");
        int slots = 0;
        // no visibility check: a record with a component type it cannot see has no model (the JVM
        // refuses its canonical constructor), so it never gets here
        for (Class<?> component : components) {
            descriptor.append(component.descriptorString());
            slots += component == long.class || component == double.class ? 2 : 1;
        }
        descriptor.append(")V");
        String self = ClassFile.internalName(record);
        ClassFile file = new ClassFile(self + "$QuarryWriter", GeneratedWriter.class);
        Code create = new Code(slots + 4, 2);
        create.refOp(Opcodes.NEW, file.classRef(self));
        create.op(Opcodes.DUP);
        for (int i = 0; i < components.size(); i++) {
            create.aload(1);
            create.pushInt(i);
            create.op(Opcodes.AALOAD);
            create.convert(file, components.get(i));
        }
        create.refOp(Opcodes.INVOKESPECIAL, file.methodRef(self, "<init>", descriptor.toString()));
        create.op(Opcodes.ARETURN);
        Code write = new Code(0, 3);
        write.op(Opcodes.RETURN); // records are never written field by field
        file.method("create", CREATE, create);
        file.method("write", WRITE, write);
        return ClassFile.define(record, file.finish(), GeneratedWriter.class);
    }

    /** For each slot: target, values[index] converted to the field's type, putfield. */
    private static void stores(ClassFile file, Code code, String self, List<Slot> slots, int target, int values) {
        for (Slot slot : slots) {
            Field field = slot.field();
            code.aload(target);
            code.aload(values);
            code.pushInt(slot.index());
            code.op(Opcodes.AALOAD);
            code.convert(file, field.getType());
            code.refOp(Opcodes.PUTFIELD, file.fieldRef(self, field.getName(), field.getType().descriptorString()));
        }
    }
}
