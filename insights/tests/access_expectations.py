from .access_expectations_asb import EXPECTATIONS as ASB
from .access_expectations_segregation import EXPECTATIONS as SEGREGATION

EXPECTATIONS = [*SEGREGATION, *ASB]
