from tests.access import public

EXPECTATIONS = [
    public("insights:asb_trends"),
    public("insights:asb_trends_csv"),
]
