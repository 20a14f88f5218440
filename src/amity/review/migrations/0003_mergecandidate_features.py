from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('review', '0002_initial'),
    ]

    operations = [
        migrations.AddField(
            model_name='mergecandidate',
            name='features',
            field=models.JSONField(blank=True, default=list),
        ),
    ]
