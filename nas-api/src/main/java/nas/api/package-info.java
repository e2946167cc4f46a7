package nas.api;
