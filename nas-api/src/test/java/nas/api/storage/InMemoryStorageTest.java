package nas.api.storage;

class InMemoryStorageTest extends StorageContractTest {

    @Override
    protected Storage newStorage() {
        return new InMemoryStorage();
    }
}
