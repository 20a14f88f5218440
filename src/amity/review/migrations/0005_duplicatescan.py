from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('review', '0004_decision_append_only'),
    ]

    operations = [
        migrations.CreateModel(
            name='DuplicateScan',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('last_change', models.BigIntegerField(default=0)),
                ('time', models.DateTimeField(auto_now=True)),
            ],
        ),
    ]
